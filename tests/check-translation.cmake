# Checks that a translation knows every text of the sources and translates all of them:
#   cmake -DLUPDATE=<lupdate> -DLUPDATE_OPTIONS="<options>" -DSOURCES=<list file>
#         -DINCLUDES=<list file> -DTS_FILE=<.ts> -DWORK=<folder> -DPYTHON=<python3>
#         -DCHECK=<check-complete> -P check-translation.cmake
# (SOURCES and INCLUDES list one file or folder a line.)
# lupdate updates a copy of the .ts in WORK with the options of update_translations, so a text
# added to the code is in it, unfinished; then CHECK lists what is untranslated in the copy.
# The .ts itself is left alone.
foreach(var LUPDATE SOURCES INCLUDES TS_FILE WORK PYTHON CHECK)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "check-translation.cmake: ${var} is not set")
    endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
get_filename_component(name ${TS_FILE} NAME)
file(COPY_FILE ${TS_FILE} ${WORK}/${name})
separate_arguments(options UNIX_COMMAND "${LUPDATE_OPTIONS}")
file(STRINGS ${INCLUDES} includes)
foreach(include IN LISTS includes)
    list(APPEND options -I ${include})
endforeach()
execute_process(COMMAND ${LUPDATE} ${options} @${SOURCES} -ts ${WORK}/${name}
    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed (${status}):\n${output}")
endif()
execute_process(COMMAND ${PYTHON} ${CHECK} ${WORK}/${name} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${name}, updated from the sources, is not complete (see above). "
        "Run `cmake --build <dir> --target update_translations`, translate what is listed, "
        "then run resources/translations/fill-english-plurals.")
endif()
