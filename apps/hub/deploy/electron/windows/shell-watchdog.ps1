<#
.SYNOPSIS
  Keeps a layso shell (kiosk or counter display) running on Windows: starts it, waits
  for its process to end (a quit, a crash, End task in Task Manager) and starts it again
  after 2 s, longer when it keeps dying quickly (at most 60 s).

.DESCRIPTION
  Run at logon by the Scheduled Task that register-shell-watchdog.ps1 creates
  (docs/kiosk.md and docs/counter-display.md, "Kept running"). The task itself restarts
  this script if it ends. LAYSO_SUPERVISED=1 tells the shell that this script restarts
  it, so it exits instead of relaunching itself (two launchers would race to a second
  instance). A shell started some other way (its desktop shortcut) holds the
  single-instance lock: the watchdog waits for it to end before starting its own.

.EXAMPLE
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File shell-watchdog.ps1 -Exe "C:\Program Files\layso Kiosk\layso-kiosk.exe"
#>
param(
  [Parameter(Mandatory = $true)][string]$Exe,
  [int]$RestartSeconds = 2,
  [int]$MaxDelaySeconds = 60,
  # A run shorter than this counts as "dying quickly": the next wait doubles.
  [int]$HealthySeconds = 30
)

$ErrorActionPreference = 'Stop'
if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) { throw "layso watchdog: $Exe not found" }

$name = [IO.Path]::GetFileNameWithoutExtension($Exe)
$logDir = Join-Path $env:LOCALAPPDATA 'layso'
$logFile = Join-Path $logDir "$name-watchdog.log"
New-Item -ItemType Directory -Force -Path $logDir | Out-Null

function Write-Log([string]$message) {
  # Bounded: a crash loop must not fill the disk.
  if ((Test-Path -LiteralPath $logFile) -and (Get-Item -LiteralPath $logFile).Length -gt 1MB) {
    Move-Item -LiteralPath $logFile -Destination "$logFile.old" -Force
  }
  Add-Content -LiteralPath $logFile -Value ("{0:yyyy-MM-dd HH:mm:ss} {1}" -f (Get-Date), $message)
}

# Inherited by the shell and its child processes.
$env:LAYSO_SUPERVISED = '1'
$delay = $RestartSeconds

while ($true) {
  # Electron's own child processes (renderer, GPU) carry the same name and end with it.
  $others = @(Get-Process -Name $name -ErrorAction SilentlyContinue)
  if ($others.Count -gt 0) {
    Write-Log "$name already runs (not started by this watchdog): waiting for it to end"
    $others | Wait-Process -ErrorAction SilentlyContinue
    continue
  }

  $started = Get-Date
  Write-Log "starting $Exe"
  try {
    $process = Start-Process -FilePath $Exe -PassThru
    $process.WaitForExit()
    $code = $process.ExitCode
  } catch {
    $code = "not started: $($_.Exception.Message)"
  }
  $ran = ((Get-Date) - $started).TotalSeconds
  if ($ran -ge $HealthySeconds) { $delay = $RestartSeconds } else { $delay = [Math]::Min($delay * 2, $MaxDelaySeconds) }
  Write-Log ("{0} ended after {1:N0} s (exit {2}): starting it again in {3} s" -f $name, $ran, $code, $delay)
  Start-Sleep -Seconds $delay
}
