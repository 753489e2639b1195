//go:build windows

package batch

import (
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes a lock on the first byte of f without waiting: shared for
// readers (dry runs), exclusive for a run that writes. Closing f releases it.
func tryLock(f *os.File, exclusive bool) error {
	flags := uint32(windows.LOCKFILE_FAIL_IMMEDIATELY)
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	return windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, new(windows.Overlapped))
}

// syncAll has no whole-system equivalent on Windows; each bundle file was
// closed after writing, and the manifest itself is synced (see Save).
func syncAll() {}
