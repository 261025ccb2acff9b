; Inno Setup script: per-machine install of the one-folder bundle built by
; `pyinstaller installer/workstation.spec` on Windows (dist\workstation\).
; Build on Windows with: iscc installer\windows\workstation.iss
; AppVersion must equal the package version in pyproject.toml (a test checks).

#define AppName "Document Examination Workstation"
#define AppVersion "0.1.0"
#define AppExe "workstation-gui.exe"
#define CliExe "workstation.exe"
#define BundleDir "..\..\dist\workstation"

[Setup]
AppId={{6C0B7E0A-3B5E-4C56-9E0B-5D1F2A7C9E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=workstation project
DefaultDirName={autopf}\Workstation
DefaultGroupName={#AppName}
PrivilegesRequired=admin
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=workstation-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\workstation.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ChangesEnvironment=yes

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop icon"; GroupDescription: "Additional icons:"

[Registry]
; put workstation.exe on the PATH for every user
Root: HKLM; Subkey: "SYSTEM\CurrentControlSet\Control\Session Manager\Environment"; \
    ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; \
    Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Param: string): boolean;
var
  OrigPath: string;
begin
  if not RegQueryStringValue(HKEY_LOCAL_MACHINE,
    'SYSTEM\CurrentControlSet\Control\Session Manager\Environment', 'Path', OrigPath)
  then begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Param + ';', ';' + OrigPath + ';') = 0;
end;
