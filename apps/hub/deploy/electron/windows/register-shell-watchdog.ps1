<#
.SYNOPSIS
  Registers (or removes) the Scheduled Task that keeps a layso shell running on Windows
  (docs/kiosk.md and docs/counter-display.md, "Kept running"). Run once per PC, in an
  elevated PowerShell, after installing the shell; running it again replaces the task.

.EXAMPLE
  # The kiosk, for the account that logs in automatically:
  .\register-shell-watchdog.ps1 -Shell kiosk -Exe "C:\Program Files\layso Kiosk\layso-kiosk.exe" -User KIOSK-01\kiosk

.EXAMPLE
  .\register-shell-watchdog.ps1 -Shell counter-display -Exe "C:\Program Files\layso Counter Display\layso-counter-display.exe" -User HALL-TV\board

.EXAMPLE
  .\register-shell-watchdog.ps1 -Shell kiosk -Remove
#>
param(
  [Parameter(Mandatory = $true)][ValidateSet('kiosk', 'counter-display')][string]$Shell,
  [string]$Exe,
  # The account whose logon starts the shell (DOMAIN\user or PC\user); the current user by default.
  [string]$User = "$env:USERDOMAIN\$env:USERNAME",
  [switch]$Remove
)

$ErrorActionPreference = 'Stop'
$taskName = "layso-$Shell"
$taskPath = '\layso\'

if ($Remove) {
  Unregister-ScheduledTask -TaskName $taskName -TaskPath $taskPath -Confirm:$false -ErrorAction SilentlyContinue
  Write-Output "layso: removed the task $taskPath$taskName"
  exit 0
}

if (-not $Exe) { throw 'layso: -Exe is the path of the installed shell (e.g. C:\Program Files\layso Kiosk\layso-kiosk.exe)' }
if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { throw "layso: $Exe not found" }
$watchdog = Join-Path $PSScriptRoot 'shell-watchdog.ps1'
if (-not (Test-Path -LiteralPath $watchdog -PathType Leaf)) { throw "layso: $watchdog not found" }
$product = @{ 'kiosk' = 'layso Kiosk'; 'counter-display' = 'layso Counter Display' }[$Shell]

$escape = { param([string]$text) [Security.SecurityElement]::Escape($text) }
$xml = (Get-Content -LiteralPath (Join-Path $PSScriptRoot 'shell-watchdog-task.xml') -Raw -Encoding UTF8).
  Replace('@SHELL@', (& $escape $Shell)).
  Replace('@PRODUCT@', (& $escape $product)).
  Replace('@USER@', (& $escape $User)).
  Replace('@WATCHDOG@', (& $escape $watchdog)).
  Replace('@EXE@', (& $escape $Exe))

Register-ScheduledTask -TaskName $taskName -TaskPath $taskPath -Xml $xml -Force | Out-Null
Write-Output "layso: registered $taskPath$taskName for $User (starts at its next logon; now: Start-ScheduledTask -TaskPath '$taskPath' -TaskName '$taskName')"
