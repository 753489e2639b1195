package main

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jishi/jishi/internal/convert"
	"github.com/jishi/jishi/internal/sitebuild"
)

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func waitFor(t *testing.T, what string, timeout time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func get(url string) (int, string) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeWatchesRaw: `serve` converts a new raw file while it runs and the
// page appears over HTTP; a bad file is reported and the server keeps going.
func TestServeWatchesRaw(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real server")
	}
	dir := t.TempDir()
	if err := sitebuild.CopySite(".", dir, append(sitebuild.Source, "go.mod", "go.sum", "raw")...); err != nil {
		t.Fatal(err)
	}
	port, reviewPort := freePort(t), freePort(t)
	for reviewPort == port {
		reviewPort = freePort(t)
	}
	var out lockedBuffer
	cmd := cliCommand("serve", "--port", strconv.Itoa(port), "--review-port", strconv.Itoa(reviewPort), "--renderToMemory")
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
	}()
	base := "http://127.0.0.1:" + strconv.Itoa(port) + "/"
	waitFor(t, "the server", 3*time.Minute, func() bool { code, _ := get(base); return code == 200 })

	raw, _ := os.ReadFile(filepath.Join("raw", sampleName))
	title := "新的一篇測試文章"
	text := strings.Replace(string(raw), "對話科大訊飛:不賺錢是 ChatGPT 的問題,不是大模型商業化的問題-(1)", title, 1)
	os.WriteFile(filepath.Join(dir, "raw", "zz-new.txt"), []byte(text), 0o644)
	page := base + "posts/" + convert.Slugify(title, "") + "/"
	waitFor(t, "the new article at "+page, time.Minute, func() bool {
		code, body := get(page)
		return code == 200 && strings.Contains(body, title)
	})

	// The review page shows the new file's guesses and links its page.
	review := "http://127.0.0.1:" + strconv.Itoa(reviewPort) + "/"
	waitFor(t, "the review page", 30*time.Second, func() bool {
		code, body := get(review)
		return code == 200 && strings.Contains(body, "zz-new.txt") && strings.Contains(body, "第 3 行："+title) && strings.Contains(body, page)
	})

	os.WriteFile(filepath.Join(dir, "raw", "zz-empty.txt"), []byte("\n\u3000\n"), 0o644)
	waitFor(t, "the bad file's error", 30*time.Second, func() bool { return strings.Contains(out.String(), "zz-empty.txt: empty") })
	if code, _ := get(page); code != 200 {
		t.Errorf("the server stopped serving after a bad file: %d\n%s", code, out.String())
	}
	if !strings.Contains(out.String(), "127.0.0.1") {
		t.Errorf("the server does not say it listens on 127.0.0.1:\n%s", out.String())
	}
}
