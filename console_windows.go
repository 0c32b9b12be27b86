package main

import (
	"os"
	"syscall"
)

// attachConsole lets the CLI print on Windows. The release .exe is linked
// with -H=windowsgui so a double-click opens no black console window; the
// price is that Windows gives it no console, and `SellerAssistant.exe
// version` typed in cmd or PowerShell would print nothing. With a subcommand
// we attach to the console of the shell that started us. Handles that are
// already usable (output redirected to a file or a pipe, or wine, which
// passes its terminal through) are left alone.
func attachConsole() {
	if h, err := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != syscall.InvalidHandle {
		return
	}
	const attachParentProcess = uintptr(^uint32(0)) // ATTACH_PARENT_PROCESS, (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started from Explorer: no console to attach to
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
}
