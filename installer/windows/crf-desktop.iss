; Inno Setup 6 script for crf-desktop (issue 9): a per-machine installer built from the PyInstaller bundle.
;
; Build it on Windows through the build script, which passes the version from crf_desktop/__init__.py and the paths:
;     .venv\Scripts\python installer\build.py --installer
; (installer/BUILDING.md, "Windows"). Compiling this file by hand needs the same /D definitions as build.py passes.
;
; What it does: installs into Program Files for every account (administrator rights), adds Start menu and desktop
; shortcuts, and registers an uninstaller. Neither an update nor the uninstaller touches the data directory: each
; account's sites live in %LOCALAPPDATA%\crf-desktop (or wherever --data-dir points), never in the program folder.

#ifndef AppVersion
  #error Build with installer\build.py --installer (it defines AppVersion, SourceDir and the rest)
#endif
#ifndef AppVersionNumbers
  #define AppVersionNumbers AppVersion
#endif
#ifndef AppId
  #define AppId "{6C1E5D2A-8F3B-4E0C-9A7D-2B51C4E8F903}"
#endif
#ifndef Publisher
  #define Publisher "NCT03580291 coordinating centre"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\crf-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\resources\icons\crf-desktop.ico"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef OutputBaseName
  #define OutputBaseName "crf-desktop-" + AppVersion + "-windows-x64-setup"
#endif

#define AppName "crf-desktop"
#define GuiExe "crf-desktop-gui.exe"
#define CliExe "crf-desktop.exe"

[Setup]
; AppId identifies the installed product: an installer with the same AppId updates it in place. Never change it.
AppId={{#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#Publisher}
AppComments=Case report forms for trial NCT03580291 (works offline)
VersionInfoVersion={#AppVersionNumbers}
VersionInfoProductVersion={#AppVersionNumbers}
VersionInfoDescription={#AppName} {#AppVersion} setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 needs Windows 10 (1809) or later.
MinVersion=10.0.17763
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#OutputDir}
OutputBaseFilename={#OutputBaseName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running crf-desktop (its database writes are transactions: nothing half-written) and does
; not restart it: the person logs in again.
CloseApplications=yes
RestartApplications=no
; The program folder is replaced as a whole on update, so files of the previous version do not linger.
UsePreviousAppDir=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update removes the previous version's program files first (never anything outside {app}).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "Case report forms for trial NCT03580291"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent unchecked

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('{#AppName} was removed. The sites'' data was kept: each account''s data directory '
      + '(%LOCALAPPDATA%\{#AppName}, e.g. ' + ExpandConstant('{localappdata}') + '\{#AppName}) and its backups '
      + 'are still there. Delete that folder yourself only after the study''s data has been archived.',
      mbInformation, MB_OK);
end;
