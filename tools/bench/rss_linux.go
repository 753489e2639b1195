package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// peakRSS is a finished process's peak resident memory, in KB: of the
// process and the children it waited for.
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return ru.Maxrss
	}
	return 0
}

// watchTree samples, every 100 ms until stop is called, the resident memory
// of pid and all its descendants together, and stop returns the largest
// sum in KB. getrusage misses a child that is never waited for, as
// Pagefind's indexing service is by Node.
func watchTree(pid int) (stop func() int64) {
	done := make(chan struct{})
	peak := make(chan int64)
	go func() {
		var max int64
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if n := treeRSS(pid); n > max {
				max = n
			}
			select {
			case <-done:
				peak <- max
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 { close(done); return <-peak }
}

// treeRSS is the resident memory of pid and its descendants, in KB.
func treeRSS(pid int) int64 {
	var sum int64
	if b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
				n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
				sum += n
			}
		}
	}
	tasks, _ := os.ReadDir("/proc/" + strconv.Itoa(pid) + "/task")
	for _, t := range tasks {
		b, _ := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/task/" + t.Name() + "/children")
		for _, c := range strings.Fields(string(b)) {
			if cp, err := strconv.Atoi(c); err == nil {
				sum += treeRSS(cp)
			}
		}
	}
	return sum
}
