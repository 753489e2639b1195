//go:build unix

package batch

import (
	"os"
	"syscall"
)

// tryLock takes an advisory lock on f without waiting: shared for readers
// (dry runs), exclusive for a run that writes. The lock goes with the file.
func tryLock(f *os.File, exclusive bool) error {
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	return syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB)
}

// syncAll asks the kernel to write every dirty buffer: one sync(2) makes a
// whole run's bundles durable before the manifest that vouches for them.
func syncAll() { syscall.Sync() }
