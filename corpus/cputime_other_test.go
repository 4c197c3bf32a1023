//go:build !linux

package corpus

import "time"

// threadCPU is unavailable here: callers fall back to wall time.
func threadCPU() (time.Duration, bool) { return 0, false }

func lockThread()   {}
func unlockThread() {}

func processCPU() (time.Duration, bool) { return 0, false }
