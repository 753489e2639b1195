package main

import (
	"os"
	"runtime"
	"strings"
)

func numCPU() int { return runtime.NumCPU() }

// hostInfo names the CPU, so a table of figures says what machine made it.
func hostInfo() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOOS + "/" + runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimLeft(name, " \t:")) + ", " + runtime.GOOS + "/" + runtime.GOARCH
		}
	}
	return runtime.GOOS + "/" + runtime.GOARCH
}
