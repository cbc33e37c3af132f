# The examples, built as a user builds them: against a staged install of this build, never
# against the source tree.
#   cmake -DBUILD_DIR=<project build> -DCOMPONENTS=<install components, comma-separated>
#         -DEXAMPLES=<examples/> -DWORK=<scratch folder> -DGENERATOR=<generator>
#         -DAPI_VERSION=<major.minor> -P examples-build.cmake
# Installs the components into WORK/stage, configures and builds every example with
# CMAKE_PREFIX_PATH=WORK/stage, then runs filecrunch on a small file and on /dev/zero (which it
# hashes until SIGINT: it must exit 130).
foreach(var BUILD_DIR COMPONENTS EXAMPLES WORK GENERATOR API_VERSION)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "${var} is not set")
    endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
set(stage ${WORK}/stage)
string(REPLACE "," ";" COMPONENTS "${COMPONENTS}")
foreach(component IN LISTS COMPONENTS)
    execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${stage}
        --component ${component}
        OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
endforeach()

execute_process(COMMAND ${CMAKE_COMMAND} -S ${EXAMPLES} -B ${WORK}/build -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${stage}
    -DTASKRUNNER_API_VERSION=${API_VERSION}
    COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND ${CMAKE_COMMAND} --build ${WORK}/build COMMAND_ERROR_IS_FATAL ANY)

# The examples' include paths must come from the stage: nothing of the source tree.
file(GLOB_RECURSE flags ${WORK}/build/*flags.make ${WORK}/build/build.ninja)
foreach(f IN LISTS flags)
    file(STRINGS ${f} lines REGEX "src/(core|workers)/include")
    if(lines)
        message(FATAL_ERROR "${f} names the source tree's headers: ${lines}")
    endif()
endforeach()

set(filecrunch ${WORK}/build/filecrunch/filecrunch)
set(input ${WORK}/input.bin)
string(REPEAT "Task Runner filecrunch example " 20000 text)
file(WRITE ${input} "${text}")
file(SHA256 ${input} expected)
execute_process(COMMAND ${filecrunch} ${input}
    OUTPUT_VARIABLE output RESULT_VARIABLE status)
if(NOT status EQUAL 0 OR NOT output STREQUAL "${expected}  ${input}\n")
    message(FATAL_ERROR "filecrunch ${input}: status ${status}, printed '${output}', expected '${expected}  ${input}'")
endif()
message(STATUS "filecrunch: ${output}")

find_program(TIMEOUT timeout REQUIRED)
execute_process(COMMAND ${TIMEOUT} --preserve-status -s INT -k 10 0.5 ${filecrunch} /dev/zero
    RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 130)
    message(FATAL_ERROR "filecrunch /dev/zero after SIGINT: status ${status} (expected 130): ${errors}")
endif()
message(STATUS "filecrunch /dev/zero: SIGINT after 0.5 s, status 130")
