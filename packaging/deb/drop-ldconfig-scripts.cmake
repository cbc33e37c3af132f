# Run by CPack after each generator (CPACK_POST_BUILD_SCRIPTS), with CPACK_PACKAGE_FILES naming the
# packages it built. CMake 3.25's DEB generator gives every package with a library under /usr/lib
# a postinst and a postrm whose only work is to call ldconfig, and no way to turn them off. The
# dpkg trigger "activate-noawait ldconfig" (packaging/deb/triggers, added to those
# packages through CPACK_DEBIAN_<COMPONENT>_PACKAGE_CONTROL_EXTRA) does that, and Debian policy
# and lintian (maintscript-calls-ldconfig) want the scripts gone. This rebuilds such a .deb
# without them, with dpkg-deb, leaving every other file and field as CPack made it.
foreach(package IN LISTS CPACK_PACKAGE_FILES)
    if(NOT package MATCHES "\\.deb$")
        continue()
    endif()
    set(tree "${package}.tree")
    file(REMOVE_RECURSE "${tree}")
    execute_process(COMMAND dpkg-deb --raw-extract "${package}" "${tree}"
        COMMAND_ERROR_IS_FATAL ANY)
    set(changed FALSE)
    foreach(script postinst postrm)
        set(path "${tree}/DEBIAN/${script}")
        if(NOT EXISTS "${path}")
            continue()
        endif()
        file(READ "${path}" text)
        # Only CPack's own script: "#!/bin/sh", "set -e", and ldconfig in one if.
        string(REGEX REPLACE "[ \t\n]+" " " text "${text}")
        if(NOT text MATCHES "^#!/bin/sh set -e if \\[ \"\\$1\" = \"(configure|remove)\" \\]; then ldconfig fi ?$")
            message(FATAL_ERROR "${package}: ${script} is not CPack's ldconfig call; not touching it")
        endif()
        file(REMOVE "${path}")
        set(changed TRUE)
    endforeach()
    if(changed)
        if(NOT EXISTS "${tree}/DEBIAN/triggers")
            message(FATAL_ERROR "${package}: has a library but no ldconfig trigger")
        endif()
        execute_process(COMMAND dpkg-deb --root-owner-group -Zxz --build "${tree}" "${package}"
            OUTPUT_QUIET COMMAND_ERROR_IS_FATAL ANY)
        message(STATUS "${package}: ldconfig through the dpkg trigger, no maintainer scripts")
    endif()
    file(REMOVE_RECURSE "${tree}")
endforeach()
