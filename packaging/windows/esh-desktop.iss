; Inno Setup 6 script of «Электронная школа» for Windows: a per-machine installation of the
; PyInstaller bundle (dist\esh-desktop), Start-menu and desktop shortcuts, an uninstaller.
;
; Built by `python packaging\build.py` on Windows, or by hand from the project's folder:
;     iscc /DAppVersion=0.2.0 packaging\windows\esh-desktop.iss
;
; Silent installation with the school's server for every user of the PC:
;     esh-desktop-0.2.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /SERVER=https://esh.school.ru
; /LOCK=no leaves the user free to choose another connection in the login window (the default
; with /SERVER is yes: nobody starts an empty embedded database by mistake).
; The address goes to %ProgramData%\esh-desktop\esh-desktop.ini, which the desktop reads.

; The script is UTF-8 with a byte order mark: Inno Setup 6.3 and later read it so (the Cyrillic
; names) and know the x64compatible architecture.
#if Ver < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or later is needed
#endif
#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z esh-desktop.iss
#endif
#define AppName "Электронная школа"
#define AppExe "esh-desktop.exe"
#define Project AddBackslash(SourcePath) + "..\.."

[Setup]
AppId={{6F1C2B8E-4E0B-4A57-9A8E-3B7D2C1E5F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Project}\dist
OutputBaseFilename=esh-desktop-{#AppVersion}-setup
SetupIconFile={#Project}\build\icons\esh-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=no
; A desktop still open during an upgrade is asked to close (Restart Manager); users start the
; new version themselves.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
russian.DesktopShortcut=Создать ярлык на рабочем столе
english.DesktopShortcut=Create a desktop shortcut
russian.StartNow=Запустить «Электронную школу»
english.StartNow=Start «Электронная школа»

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopShortcut}"

[Files]
; An upgrade replaces the whole bundle: files of the old version must not linger.
Source: "{#Project}\dist\esh-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; The per-machine file always exists, written by the administrator who installs: ordinary users
; may create files in a new folder of ProgramData, and one of them could otherwise point every
; teacher of the PC at a server of their own. Its settings are kept across upgrades.
Source: "{#Project}\packaging\windows\esh-desktop.ini"; DestDir: "{commonappdata}\esh-desktop"; Flags: onlyifdoesntexist uninsneveruninstall

[InstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Dirs]
Name: "{commonappdata}\esh-desktop"

[INI]
Filename: "{commonappdata}\esh-desktop\esh-desktop.ini"; Section: "connection"; Key: "server_url"; String: "{param:SERVER}"; Check: ServerGiven
Filename: "{commonappdata}\esh-desktop\esh-desktop.ini"; Section: "connection"; Key: "locked"; String: "{code:LockedValue}"; Check: ServerGiven

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartNow}"; Flags: nowait postinstall skipifsilent

; The users' own settings, logs and embedded databases (%APPDATA%, %LOCALAPPDATA%) are theirs:
; the uninstaller leaves them, and also the per-machine file, which belongs to the IT staff.

[Code]
function ServerGiven: Boolean;
begin
  Result := Trim(ExpandConstant('{param:SERVER|}')) <> '';
end;

function LockedValue(Param: String): String;
var
  Lock: String;
begin
  Lock := LowerCase(Trim(ExpandConstant('{param:LOCK|yes}')));
  if (Lock = 'no') or (Lock = 'false') or (Lock = '0') then
    Result := 'false'
  else
    Result := 'true';
end;
