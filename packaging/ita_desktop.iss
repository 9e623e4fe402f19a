; Inno Setup 6.3+ script: the per-user Windows installer of ITA Desktop.
;
; Build on Windows (after `python packaging\build.py`, which writes dist\ita-desktop\ and
; build\packaging\version.iss from pyproject.toml):
;     "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" packaging\ita_desktop.iss
; -> dist\ITA-Desktop-Setup-<version>.exe
;
; What it does: installs into %LOCALAPPDATA%\Programs\ITA Desktop without administrator rights,
; a Start-menu shortcut (and a desktop one if ticked), opens .itadb files with the program
; (.sqlite files can still be opened from File > Open, and offer it under "Open with"), and an
; uninstaller that removes the program only: the databases, backups, exports and the data folder
; (%LOCALAPPDATA%\ITA Desktop) are the user's and stay.
; Not compiled or run here (no Windows in CI): see README, "Windows installer".

#ifndef AppVersion
  #include "..\build\packaging\version.iss"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif
#define AppName "ITA Desktop"
#define AppExe "ita-desktop.exe"
#define AppCliExe "ita-desktop-cli.exe"
#define Bundle "..\dist\ita-desktop"
#define DbExt ".itadb"
#define DbProgId "ITADesktop.Database"

[Setup]
; The AppId identifies the program for upgrades and the uninstaller: never change it.
AppId={{6F1D3C52-8A4B-4E7D-9C21-3B5E0A7D9F14}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
; Per user, no UAC prompt: {autopf} is %LOCALAPPDATA%\Programs, HKA is HKCU.
; PrivilegesRequiredOverridesAllowed stays blank: no "install for all users" choice.
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
; The bundle is 64-bit Python and Qt.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
; Close a running ITA Desktop before replacing its files (upgrade or uninstall).
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\resources\icons\ita-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\dist
OutputBaseFilename=ITA-Desktop-Setup-{#AppVersion}

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.DesktopIconTask=สร้างไอคอนบนเดสก์ท็อป (Create a desktop shortcut)
english.ShortcutGroup=ไอคอนเพิ่มเติม (Additional shortcuts):
english.GuideShortcut=คู่มือการใช้งาน ITA Desktop
english.DbTypeName=ฐานข้อมูล ITA Desktop
english.LaunchAfter=เปิด ITA Desktop (Launch ITA Desktop)

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIconTask}"; GroupDescription: "{cm:ShortcutGroup}"; Flags: unchecked

[InstallDelete]
; A previous version's bundle is replaced whole: no stale library survives an upgrade.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Bundle}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\{#AppCliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#Bundle}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autoprograms}\{cm:GuideShortcut}"; Filename: "{app}\_internal\ita_desktop_resources\guide\คู่มือ.pdf"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Registry]
; .itadb opens in ITA Desktop (double-click); our ProgID goes with the uninstaller. The user's
; choice of default program for .itadb, if any, is Windows' and is left alone. The uninstaller
; works through these lines from the bottom up: each key is empty when its turn comes.
Root: HKA; Subkey: "Software\Classes\{#DbExt}"; ValueType: string; ValueName: ""; ValueData: "{#DbProgId}"; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#DbExt}\OpenWithProgids"; ValueType: string; ValueName: "{#DbProgId}"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKA; Subkey: "Software\Classes\{#DbProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:DbTypeName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#DbProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#DbProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists ITA Desktop for .itadb and .sqlite, without taking .sqlite over.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#DbExt}"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".sqlite"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.sqlite\OpenWithProgids"; ValueType: string; ValueName: "{#DbProgId}"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchAfter}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: the uninstaller removes only what this script installed. The data
; folder (%LOCALAPPDATA%\ITA Desktop: demo, settings, logs) and every database the user saved
; are kept, so a reinstall or an upgrade finds them as they were.
