<#
.SYNOPSIS
  Installs (or upgrades) the layso hub as a Windows service, run by NSSM.

.DESCRIPTION
  Windows services must speak the Service Control Manager's protocol, which node.exe
  does not; NSSM (the Non-Sucking Service Manager, https://nssm.cc, one nssm.exe) runs
  node as a service, restarts it when it exits, and rotates its log files. sc.exe alone
  cannot run a Node script as a service: it is used here only for the recovery actions.

  Run in an elevated PowerShell from the unpacked release folder:

    powershell -ExecutionPolicy Bypass -File deploy\windows\install-service.ps1 -Nssm C:\tools\nssm.exe

  Idempotent: run it again with a new release to upgrade (the hub backs its database
  up before migrating). Settings in C:\ProgramData\layso are never overwritten.
  Not tested on Windows by the project's CI (no Windows machine there); see docs/install.md.
#>
[CmdletBinding()]
param(
  [string]$Nssm = 'nssm.exe',
  [string]$Release = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path,
  [string]$InstallDir = (Join-Path $env:ProgramFiles 'layso'),
  [string]$DataRoot = (Join-Path $env:ProgramData 'layso'),
  [int]$Port = 8080
)
$ErrorActionPreference = 'Stop'
$ServiceName = 'layso'

function Say($message) { Write-Host "layso install: $message" }

$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { throw 'run this script in an elevated PowerShell (Run as administrator)' }
if (-not (Test-Path (Join-Path $Release 'hub.mjs'))) { throw "$Release is not a hub release (no hub.mjs): build it with pnpm build:hub" }
$nssmExe = (Get-Command $Nssm -ErrorAction SilentlyContinue).Source
if (-not $nssmExe) { throw "NSSM not found ($Nssm): download nssm.exe (win64) and pass -Nssm C:\path\to\nssm.exe" }
$node = (Get-Command node.exe -ErrorAction SilentlyContinue).Source
if (-not $node) { throw 'Node.js 20.19 or newer is needed (the official Windows installer, x64)' }
$nodeVersion = [version]((& $node --version).TrimStart('v'))
if ($nodeVersion -lt [version]'20.19.0') { throw "Node.js $nodeVersion is too old: 20.19 or newer is needed" }

# 1. Folders: program files, data (database, backups), settings, logs.
$DataDir = Join-Path $DataRoot 'data'
$LogDir = Join-Path $DataRoot 'logs'
New-Item -ItemType Directory -Force -Path $DataDir, $LogDir | Out-Null

# 2. Settings, written once (file < environment < flags, as on Linux).
$Settings = Join-Path $DataRoot 'hub.json'
if (-not (Test-Path $Settings)) {
  @{ port = $Port; host = '0.0.0.0'; data = $DataDir; mdns = 'auto' } | ConvertTo-Json | Set-Content -Encoding UTF8 $Settings
  Say "wrote $Settings"
} else { Say "kept $Settings" }
$example = Join-Path $Release 'deploy\center.example.json'
if (Test-Path $example) { Copy-Item -Force $example (Join-Path $DataRoot 'center.example.json') }

# 3. Program files: stop the service, swap the folder, keep the previous one for a rollback.
$existing = Get-Service -Name $ServiceName -ErrorAction SilentlyContinue
if ($existing -and $existing.Status -ne 'Stopped') { Stop-Service -Name $ServiceName -Force }
if ((Resolve-Path $Release).Path -ne $InstallDir) {
  $previous = "$InstallDir.previous"
  if (Test-Path $previous) { Remove-Item -Recurse -Force $previous }
  if (Test-Path $InstallDir) { Move-Item $InstallDir $previous }
  Copy-Item -Recurse $Release $InstallDir
  if (-not (Test-Path (Join-Path $InstallDir 'node_modules'))) {
    Say 'the release has no node_modules: installing the runtime dependencies with npm'
    Push-Location $InstallDir; try { & npm install --omit=dev --no-audit --no-fund } finally { Pop-Location }
  }
  Say "installed in $InstallDir"
}

# 4. The service: node hub.mjs serve --settings hub.json, restarted whenever it exits,
#    except with 65 (the data needs a person: the database is empty, damaged, unreadable,
#    from a newer release or could not be upgraded; see docs/install.md, exit codes).
#    NSSM then stops the service cleanly, so the SCM recovery actions below do not fire.
if (-not $existing) { & $nssmExe install $ServiceName $node | Out-Null }
& $nssmExe set $ServiceName Application $node | Out-Null
& $nssmExe set $ServiceName AppDirectory $InstallDir | Out-Null
& $nssmExe set $ServiceName AppParameters "`"$InstallDir\hub.mjs`" serve --settings `"$Settings`"" | Out-Null
& $nssmExe set $ServiceName DisplayName 'layso queue-ticket hub' | Out-Null
& $nssmExe set $ServiceName Description 'Issues and calls queue tickets for the kiosks, counters and boards (layso).' | Out-Null
& $nssmExe set $ServiceName Start SERVICE_AUTO_START | Out-Null
& $nssmExe set $ServiceName AppExit Default Restart | Out-Null
& $nssmExe set $ServiceName AppExit 65 Exit | Out-Null
& $nssmExe set $ServiceName AppRestartDelay 2000 | Out-Null
# Logs: stdout/stderr to files, rotated at 10 MB and at every start.
& $nssmExe set $ServiceName AppStdout (Join-Path $LogDir 'hub.log') | Out-Null
& $nssmExe set $ServiceName AppStderr (Join-Path $LogDir 'hub.log') | Out-Null
& $nssmExe set $ServiceName AppRotateFiles 1 | Out-Null
& $nssmExe set $ServiceName AppRotateOnline 1 | Out-Null
& $nssmExe set $ServiceName AppRotateBytes 10485760 | Out-Null
# SIGTERM's counterpart: Ctrl+C to the console first, so the database closes cleanly.
& $nssmExe set $ServiceName AppStopMethodConsole 15000 | Out-Null
# A second safety net from the Service Control Manager itself, should NSSM die.
& sc.exe failure $ServiceName reset= 300 actions= restart/2000/restart/2000/restart/10000 | Out-Null

# 5. Firewall: the LAN port, private and domain networks only.
if (-not (Get-NetFirewallRule -DisplayName 'layso hub' -ErrorAction SilentlyContinue)) {
  New-NetFirewallRule -DisplayName 'layso hub' -Direction Inbound -Protocol TCP -LocalPort $Port -Action Allow -Profile Private, Domain | Out-Null
  Say "opened TCP $Port on private and domain networks"
}

Start-Service -Name $ServiceName
Say "done. Status: Get-Service layso   Logs: $LogDir\hub.log   Health: http://127.0.0.1:$Port/api/health"
Say "Tokens: & `"$node`" `"$InstallDir\hub.mjs`" token create --data `"$DataDir`" --role kiosk"
