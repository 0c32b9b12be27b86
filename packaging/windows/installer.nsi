; Seller Assistant · 跨境卖家助手 — the Windows installer (NSIS 3, built on
; Linux by scripts/dist.sh with makensis; see there for the -D defines).
;
; Per user, no administrator: the program goes to
; %LOCALAPPDATA%\Programs\SellerAssistant (where per-user installs of
; browsers and editors go), shortcuts and the .sellerdb association are the
; user's own (HKCU). The user's workspaces and the demo live elsewhere, in
; %APPDATA%\seller-assistant, and the uninstaller never touches them.
; Silent: SellerAssistant-…-setup.exe /S [/D=C:\path] ; Uninstall.exe /S

!ifndef VERSION | EXE | ICON | OUTFILE | APPID
  !error "build with scripts/dist.sh (make dist)"
!endif

; A 64-bit installer for a 64-bit program: it runs wherever the program can,
; and under a 64-bit-only wine (the CI's), where a 32-bit stub cannot.
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!define PRODUCT     "Seller Assistant"
!define EXENAME     "SellerAssistant.exe"
!define PROGID      "SellerAssistant.Workspace"
!define UNINSTKEY   "Software\Microsoft\Windows\CurrentVersion\Uninstall\SellerAssistant"

Name "${PRODUCT} ${VERSION}"
Caption "${PRODUCT} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\SellerAssistant"
InstallDirRegKey HKCU "Software\SellerAssistant" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} ${VERSION} setup"
VIAddVersionKey /LANG=0 "LegalCopyright" "MIT licence"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the fallback; NSIS picks the one matching the
; system's UI language (简体中文 on a zh-CN Windows).
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString SecMainName      ${LANG_ENGLISH}     "Seller Assistant (required)"
LangString SecMainName      ${LANG_SIMPCHINESE} "跨境卖家助手（必需）"
LangString SecDesktopName   ${LANG_ENGLISH}     "Desktop shortcut"
LangString SecDesktopName   ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString ShortcutName     ${LANG_ENGLISH}     "Seller Assistant"
LangString ShortcutName     ${LANG_SIMPCHINESE} "跨境卖家助手"
LangString FileTypeName     ${LANG_ENGLISH}     "Seller Assistant workspace"
LangString FileTypeName     ${LANG_SIMPCHINESE} "跨境卖家助手工作区"
LangString DESC_SecMain     ${LANG_ENGLISH}     "The program, a Start-menu shortcut and opening .sellerdb workspaces with a double-click."
LangString DESC_SecMain     ${LANG_SIMPCHINESE} "程序、开始菜单快捷方式，以及双击打开 .sellerdb 工作区。"
LangString DESC_SecDesktop  ${LANG_ENGLISH}     "A shortcut on the desktop."
LangString DESC_SecDesktop  ${LANG_SIMPCHINESE} "在桌面上创建快捷方式。"

Section "!$(SecMainName)" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=${EXENAME}" "${EXE}"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  ; The shortcut's name is in the installer's language; the uninstaller
  ; removes both names, whichever was made.
  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXENAME}" "" "$INSTDIR\${EXENAME}" 0

  ; Double-click on a .sellerdb opens it (main.go: one workspace argument
  ; opens the window on it). HKCU\Software\Classes needs no admin rights.
  WriteRegStr HKCU "Software\Classes\.sellerdb" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileTypeName)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXENAME}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXENAME}" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer shows the new icon without a log-off.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  ; Settings ▸ Apps lists the program for this user.
  WriteRegStr HKCU "Software\SellerAssistant" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${PRODUCT} · 跨境卖家助手"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Seller Assistant"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\${EXENAME}",0'
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  SectionGetSize ${SecMain} $0
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0
SectionEnd

Section "$(SecDesktopName)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\$(ShortcutName).lnk" "$INSTDIR\${EXENAME}" "" "$INSTDIR\${EXENAME}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_SecMain)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_SecDesktop)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Removes what the installer put down and nothing else. Workspaces are the
; user's: the demo and anything saved in %APPDATA%\seller-assistant, the
; app's settings in %APPDATA%\fyne, and any .sellerdb the user saved in the
; program folder stay (RMDir without /r removes the folder only if empty).
Section "Uninstall"
  SetShellVarContext current
  Delete "$INSTDIR\${EXENAME}"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\Seller Assistant.lnk"
  Delete "$SMPROGRAMS\跨境卖家助手.lnk"
  Delete "$DESKTOP\Seller Assistant.lnk"
  Delete "$DESKTOP\跨境卖家助手.lnk"

  ; The extension is released only if it still points at us.
  ReadRegStr $0 HKCU "Software\Classes\.sellerdb" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.sellerdb"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\SellerAssistant"
SectionEnd
