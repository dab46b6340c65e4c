# CPack: `cpack -G DEB` in a build folder makes flagdeck_<version>_<arch>.deb. The package uses
# Debian's own Qt: dpkg-shlibdeps turns the linked libraries into dependencies, and the plugins
# Qt loads at run time (no link to find them by) are named here. Windows and macOS: see
# installer/README.md.
set(CPACK_PACKAGE_NAME flagdeck)
set(CPACK_PACKAGE_VENDOR "FlagDeck")
set(CPACK_PACKAGE_CONTACT "FlagDeck maintainers <maintainers@flagdeck.io>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Operator console for AI release engineering")
set(CPACK_PACKAGE_DESCRIPTION_FILE ${CMAKE_CURRENT_LIST_DIR}/package-description.txt)
set(CPACK_PACKAGE_HOMEPAGE_URL "https://flagdeck.io")
set(CPACK_PACKAGE_INSTALL_DIRECTORY FlagDeck)
set(CPACK_PACKAGE_EXECUTABLES flagdeck FlagDeck)
set(CPACK_STRIP_FILES ON)

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    set(CPACK_NSIS_DISPLAY_NAME FlagDeck)
    set(CPACK_NSIS_PACKAGE_NAME FlagDeck)
    set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
    set(CPACK_NSIS_URL_INFO_ABOUT ${CPACK_PACKAGE_HOMEPAGE_URL})
elseif(APPLE)
    set(CPACK_GENERATOR DragNDrop)
    set(CPACK_DMG_VOLUME_NAME FlagDeck)
    set(CPACK_DMG_FORMAT UDBZ)
else()
    set(CPACK_GENERATOR DEB)
endif()

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The platform plugins (xcb, wayland, offscreen), the SVG icon engine, the SQLite driver of the
# audit cache and the inbox, Qt's own translations of standard buttons, the icon theme folder, and
# libsecret, through which QtKeychain reaches any Secret Service (GNOME Keyring, KeePassXC): it
# loads it at run time, so neither shlibdeps nor libqt6keychain1 asks for it.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6svg6, libqt6sql6-sqlite, qt6-translations-l10n, hicolor-icon-theme, libsecret-1-0")
# A PostgreSQL inbox needs the driver; a desktop's Secret Service keeps the tokens; Chinese needs a
# CJK font, which a fresh Debian does not have (the small one first).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libqt6sql6-psql, gnome-keyring | kwalletmanager, fonts-wqy-microhei | fonts-noto-cjk")

include(CPack)
