# Read by cpack before it runs each generator (CPACK_PROJECT_CONFIG_FILE), with CPACK_GENERATOR
# naming that one.
if(CPACK_GENERATOR STREQUAL "DEB")
    # Each .deb has its own synopsis, the first line of CPACK_DEBIAN_<COMPONENT>_DESCRIPTION; the
    # DEB generator would put the project's summary above it.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
endif()
