; Inno Setup 6 script for QuickReply: a per-user install (no admin rights, no UAC prompt) of the
; frozen app that scripts/build puts in dist\QuickReply. docs/packaging.md explains each choice.
; Compile from the repository root (the Windows workflow does):
;   iscc /DAppVersion=0.1.0 packaging\quickreply.iss
; Output: dist\installer\QuickReply-<version>-setup.exe. The file stays ASCII (shortcut and
; uninstall names are "QuickReply"), so its encoding never depends on the Inno Setup version.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z packaging\quickreply.iss
#endif

[Setup]
; The AppId ties upgrades and the uninstaller together: never change it.
AppId={{6F0C5C3E-2B1D-4B8E-9C1A-5A7E3D2F9B41}
AppName=QuickReply
AppVersion={#AppVersion}
AppVerName=QuickReply {#AppVersion}
AppPublisher=QuickReply
VersionInfoVersion={#AppVersion}
; Per user: {autopf} is %LOCALAPPDATA%\Programs, the Start menu and uninstall entry are the
; user's own (HKCU), so an agent without admin rights can install and update it.
PrivilegesRequired=lowest
DefaultDirName={autopf}\QuickReply
DefaultGroupName=QuickReply
DisableProgramGroupPage=yes
; PyInstaller freezes the 64-bit Python the workflow sets up.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist\installer
OutputBaseFilename=QuickReply-{#AppVersion}-setup
SetupIconFile=..\resources\icons\quickreply.ico
UninstallDisplayIcon={app}\QuickReply.exe
UninstallDisplayName=QuickReply
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; The app lives in the tray: an update or uninstall asks it to close first (Restart Manager).
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; The Chinese wizard texts ship with Inno Setup under one of these names, depending on its
; version; use whichever this compiler has (English alone otherwise).
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\SimplifiedChinese.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\SimplifiedChinese.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\dist\QuickReply\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole bundle: no module of an older version may linger in _internal.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\QuickReply"; Filename: "{app}\QuickReply.exe"
Name: "{autodesktop}\QuickReply"; Filename: "{app}\QuickReply.exe"; Tasks: desktopicon

[Registry]
; Start at login is the app's own HKCU Run value (platforms/autostart.py); setup never turns it
; on, and uninstalling removes it (ValueType none writes nothing, dontcreatekey adds no key).
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "QuickReply"; Flags: dontcreatekey uninsdeletevalue
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"; ValueType: none; ValueName: "QuickReply"; Flags: dontcreatekey uninsdeletevalue

[Run]
Filename: "{app}\QuickReply.exe"; Description: "{cm:LaunchProgram,QuickReply}"; Flags: nowait postinstall skipifsilent
