package convert

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDiffAppliesWithPatch: the dry-run diff is a real unified diff.
func TestDiffAppliesWithPatch(t *testing.T) {
	if _, err := exec.LookPath("patch"); err != nil {
		t.Skip("no patch command")
	}
	dir := t.TempDir()
	old := strings.Repeat("同一行\n", 10) + "舊的一行\n" + strings.Repeat("又同一行\n", 10) + "尾巴\n"
	new := "新的開頭\n" + strings.Repeat("同一行\n", 10) + "新的一行\n" + strings.Repeat("又同一行\n", 10)
	path := filepath.Join(dir, "index.md")
	os.WriteFile(path, []byte(old), 0o644)
	d := Diff(path, []byte(old), []byte(new))
	cmd := exec.Command("patch", "-s", path)
	cmd.Stdin = strings.NewReader(d)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("patch: %v %s\n%s", err, out, d)
	}
	if got, _ := os.ReadFile(path); string(got) != new {
		t.Errorf("patched file %q, want %q\n%s", got, new, d)
	}
}
