//go:build !unix && !windows

package batch

import "os"

// tryLock always succeeds where the platform has no advisory file locks
// (wasm, plan9): a second run at once is then the user's to avoid.
func tryLock(*os.File, bool) error { return nil }

func syncAll() {}
