<#
.SYNOPSIS
  Turns a Windows 10/11 Enterprise / Education / IoT Enterprise PC into an Infomat kiosk.

.DESCRIPTION
  Run once, elevated, AFTER installing Infomat with the per-machine NSIS installer.
   1. Creates the local standard user "infomat" (no admin rights).
   2. Enables the Shell Launcher feature and makes Infomat.exe that user's shell
      (WESL_UserSetting WMI by default; -UseMdmBridge applies shell-launcher.xml through the
      Assigned Access CSP WMI bridge instead, which must run as SYSTEM, e.g. `psexec -s -i`).
   3. Hardens the session: no edge swipes, no lock screen / screen saver, no toast
      notifications, no Windows Update restarts during opening hours.
   4. Prints how to enable automatic sign-in (Sysinternals Autologon keeps the password as an
      LSA secret; do NOT put it in plain text under Winlogon\DefaultPassword).
  What it cannot do (and nothing inside the app can): block Ctrl+Alt+Del. Use the Keyboard
  Filter feature (Client-KeyboardFilter) to block Win, Alt+Tab, Ctrl+Esc if keyboards are exposed.

.PARAMETER KioskUser      Local account that runs the kiosk (default: infomat).
.PARAMETER ExePath        Path to Infomat.exe (default: "$env:ProgramFiles\Infomat\Infomat.exe").
.PARAMETER UseMdmBridge   Apply shell-launcher.xml via MDM_AssignedAccess instead of WESL_UserSetting.
.PARAMETER Remove         Undo: remove the custom shell for the kiosk user.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File .\install-kiosk.ps1
#>
[CmdletBinding()]
param(
  [string]$KioskUser = 'infomat',
  [string]$ExePath = "$env:ProgramFiles\Infomat\Infomat.exe",
  [switch]$UseMdmBridge,
  [switch]$Remove
)
$ErrorActionPreference = 'Stop'

function Assert-Admin {
  $id = [Security.Principal.WindowsIdentity]::GetCurrent()
  if (-not (New-Object Security.Principal.WindowsPrincipal($id)).IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script from an elevated PowerShell (Run as administrator).'
  }
}

function Get-UserSid([string]$Name) {
  (New-Object System.Security.Principal.NTAccount($Name)).Translate([System.Security.Principal.SecurityIdentifier]).Value
}

Assert-Admin

if (-not $Remove) {
  if (-not (Test-Path $ExePath)) { throw "Infomat is not installed at $ExePath (install it per-machine first)." }

  # 1. The kiosk account: a standard user with a random password (autologon sets the real one).
  if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
    Add-Type -AssemblyName System.Web
    $pw = ConvertTo-SecureString ([System.Web.Security.Membership]::GeneratePassword(24, 4)) -AsPlainText -Force
    New-LocalUser -Name $KioskUser -Password $pw -FullName 'Infomat kiosk' -Description 'Runs only the Infomat kiosk' -PasswordNeverExpires -UserMayNotChangePassword | Out-Null
    Add-LocalGroupMember -Group 'Users' -Member $KioskUser
    Write-Host "Created local user '$KioskUser'. Set its password with Autologon (step 4)."
  }

  # The config file is machine-wide and must be readable (not writable) by the kiosk user.
  $configDir = Join-Path $env:ProgramData 'Infomat'
  New-Item -ItemType Directory -Force -Path $configDir | Out-Null
  if (-not (Test-Path (Join-Path $configDir 'config.json'))) {
    Write-Warning "No $configDir\config.json yet: the kiosk will show the service screen until you create it (docs/configuration.md)."
  }
}

# 2. Shell Launcher.
$feature = Get-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher
if ($feature.State -ne 'Enabled') {
  Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
  Write-Host 'Enabled Shell Launcher (a restart is needed before it takes effect).'
}

if ($UseMdmBridge) {
  # Must run as SYSTEM. Applies the XML next to this script through the Assigned Access CSP.
  $xml = Get-Content -Raw (Join-Path $PSScriptRoot 'shell-launcher.xml')
  if ($Remove) { $xml = '' }
  $ns = 'root\cimv2\mdm\dmmap'
  $obj = Get-CimInstance -Namespace $ns -ClassName MDM_AssignedAccess
  $obj.ShellLauncher = [System.Net.WebUtility]::HtmlEncode($xml)
  Set-CimInstance -CimInstance $obj
  Write-Host 'Shell Launcher configuration applied through MDM_AssignedAccess.'
} else {
  $sid = Get-UserSid $KioskUser
  $wesl = [wmiclass]'\\.\root\standardcimv2\embedded:WESL_UserSetting'
  if ($Remove) {
    $wesl.RemoveCustomShell($sid) | Out-Null
    Write-Host "Removed the custom shell of '$KioskUser'."
    return
  }
  $wesl.SetEnabled($true) | Out-Null
  # Return codes 0 and 1 → action 0 (restart the shell); default action 0 as well.
  $wesl.SetCustomShell($sid, "`"$ExePath`"", @(0, 1), @(0, 0), 0) | Out-Null
  $wesl.SetDefaultShell('explorer.exe', 0) | Out-Null
  Write-Host "Infomat is now the shell of '$KioskUser'; other accounts keep Explorer."
}

# 3. Session hardening (machine policies).
$pol = 'HKLM:\SOFTWARE\Policies\Microsoft\Windows'
New-Item -Force -Path "$pol\EdgeUI" | Out-Null
Set-ItemProperty -Path "$pol\EdgeUI" -Name AllowEdgeSwipe -Value 0 -Type DWord          # no swipe-in from screen edges
New-Item -Force -Path "$pol\Personalization" | Out-Null
Set-ItemProperty -Path "$pol\Personalization" -Name NoLockScreen -Value 1 -Type DWord     # no lock screen
New-Item -Force -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\PushNotifications' | Out-Null
Set-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\CurrentVersion\PushNotifications' -Name NoToastApplicationNotification -Value 1 -Type DWord
New-Item -Force -Path "$pol\WindowsUpdate" | Out-Null
Set-ItemProperty -Path "$pol\WindowsUpdate" -Name SetActiveHours -Value 1 -Type DWord
Set-ItemProperty -Path "$pol\WindowsUpdate" -Name ActiveHoursStart -Value 7 -Type DWord
Set-ItemProperty -Path "$pol\WindowsUpdate" -Name ActiveHoursEnd -Value 21 -Type DWord
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0

# 4. Automatic sign-in.
Write-Host @"

Next steps:
  * Automatic sign-in: run Sysinternals Autologon (https://learn.microsoft.com/sysinternals/downloads/autologon)
    for '$KioskUser'. It stores the password encrypted as an LSA secret.
  * Put the configuration in $env:ProgramData\Infomat\config.json (see docs/configuration.md).
  * Restart the PC. To service it, sign in with an administrator account (Explorer shell),
    or press Ctrl+Alt+Del -> Sign out on the kiosk session.
"@
