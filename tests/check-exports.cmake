# Checks that a shared library exports its public API and nothing else:
#   cmake -DNM=<nm> -DLIBRARY=<lib.so> -P check-exports.cmake
# Reads the dynamic symbol table (nm -D --defined-only, demangled) and fails on any symbol that is
# not one of:
#   - a strong symbol (code, data) of namespace TaskRunner outside TaskRunner::detail, or the
#     typeinfo, vtable or thunk of such a class. A private member of an exported class is
#     exported with it (RunnerWatcher::watch() takes a detail type): that is the class's ABI;
#   - a weak or unique symbol that the compiler emits in every object using a template of the
#     standard library or of Qt (a shared_ptr control block, a deque of records, their typeinfo;
#     namespaces std, __gnu_cxx and Qt's *Private, or a Qt class template such as QList<...>):
#     the first library loaded provides it for the process, so it must stay visible, but it is
#     nobody's API.
# Without symbol visibility (or with an export macro missing) the first rule fails; with a
# header that stopped being public, the API check at the end fails.
if(NOT NM OR NOT LIBRARY)
    message(FATAL_ERROR "usage: cmake -DNM=<nm> -DLIBRARY=<lib.so> -P check-exports.cmake")
endif()
execute_process(COMMAND ${NM} -D --defined-only --demangle ${LIBRARY}
    OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)
string(REPLACE "\n" ";" symbols "${symbols}")

set(public 0)
set(vague 0)
set(bad "")
foreach(line IN LISTS symbols)
    if(line STREQUAL "")
        continue()
    endif()
    if(NOT line MATCHES "^[0-9a-f]+ ([A-Za-z]) (.+)$")
        list(APPEND bad "unreadable: ${line}")
        continue()
    endif()
    set(type ${CMAKE_MATCH_1})
    set(name "${CMAKE_MATCH_2}")
    # The entity the symbol belongs to, without "typeinfo for " and the like.
    string(REGEX REPLACE "^(typeinfo name for|typeinfo for|vtable for|VTT for|non-virtual thunk to|virtual thunk to|guard variable for) " "" entity "${name}")
    if(entity MATCHES "^TaskRunner::" AND NOT entity MATCHES "^TaskRunner::detail::")
        math(EXPR public "${public} + 1")
    # A function template's instance demangles with its return type first ("void std::...").
    elseif(type MATCHES "^[VWuvw]$" AND entity MATCHES "^([A-Za-z_:<>*& ]+ )?((std|__gnu_cxx|Q[A-Za-z]*Private)::|Q[A-Za-z]+<)")
        math(EXPR vague "${vague} + 1")
    else()
        list(APPEND bad "${type} ${name}")
    endif()
endforeach()

get_filename_component(file ${LIBRARY} NAME)
if(bad)
    list(JOIN bad "\n  " bad)
    message(FATAL_ERROR "${file} exports symbols outside its public API:\n  ${bad}")
endif()
if(public EQUAL 0)
    message(FATAL_ERROR "${file} exports no TaskRunner symbol at all")
endif()
message(STATUS "${file}: ${public} public symbols, ${vague} template instantiations of std/Qt")
