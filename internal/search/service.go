package search

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
)

// service is one Pagefind process in service mode (`pagefind --service`),
// spoken to as Pagefind's own Node and Python wrappers speak to it: each
// message a JSON object, base64-encoded and ended by a comma, on stdin and
// stdout, each request answered in the order sent. Talking to it directly
// spares a Node process that decoded and encoded every record again: a
// sixth of the CPU the index took.
type service struct {
	cmd  *exec.Cmd
	in   io.WriteCloser
	w    *bufio.Writer
	r    *bufio.Reader
	sent int // messages sent
	read int // replies read
}

// window is how many records may await their reply: enough to keep the
// service busy, few enough that the replies never fill the pipe back (each
// is a few hundred bytes) while a record is still being written.
const window = 64

// startService starts the Pagefind binary bin as a service.
func startService(ctx context.Context, bin string, stderr io.Writer) (*service, error) {
	cmd := exec.CommandContext(ctx, bin, "--service")
	cmd.Stderr = stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting Pagefind (%s): %w", bin, err)
	}
	return &service{cmd: cmd, in: in, w: bufio.NewWriterSize(in, 1<<16), r: bufio.NewReaderSize(out, 1<<12)}, nil
}

// request is a message to the service; Payload carries its "type".
type request struct {
	ID      int `json:"message_id"`
	Payload any `json:"payload"`
}

type newIndex struct {
	Type   string   `json:"type"` // NewIndex
	Config struct{} `json:"config"`
}

type addRecord struct {
	Type     string            `json:"type"` // AddRecord
	Index    int               `json:"index_id"`
	URL      string            `json:"url"`
	Content  string            `json:"content"`
	Language string            `json:"language"`
	Meta     map[string]string `json:"meta"`
}

type writeFiles struct {
	Type   string `json:"type"` // WriteFiles
	Index  int    `json:"index_id"`
	Output string `json:"output_path"`
}

// reply is the service's answer; only what is checked is read.
type reply struct {
	ID      *int `json:"message_id"`
	Payload struct {
		Type    string `json:"type"`
		Message string `json:"message"`
		Index   int    `json:"index_id"`
	} `json:"payload"`
}

// send writes one message, buffered: flush (or ask) sends it.
func (s *service) send(payload any) error {
	s.sent++
	enc := base64.NewEncoder(base64.StdEncoding, s.w)
	je := json.NewEncoder(enc)
	je.SetEscapeHTML(false)
	if err := je.Encode(request{ID: s.sent, Payload: payload}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	return s.w.WriteByte(',')
}

// receive reads the next reply and returns it, or the service's error.
func (s *service) receive() (reply, error) {
	var rp reply
	b, err := s.r.ReadBytes(',')
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = errors.New("Pagefind stopped before it answered")
		}
		return rp, err
	}
	raw, err := base64.StdEncoding.DecodeString(string(bytes.TrimSuffix(b, []byte(","))))
	if err != nil {
		return rp, fmt.Errorf("an answer from Pagefind that is not base64: %w", err)
	}
	if err := json.Unmarshal(raw, &rp); err != nil {
		return rp, fmt.Errorf("an answer from Pagefind that is not JSON: %w", err)
	}
	s.read++
	if rp.Payload.Type == "Error" {
		return rp, fmt.Errorf("Pagefind: %s", rp.Payload.Message)
	}
	if rp.ID == nil || *rp.ID != s.read {
		return rp, fmt.Errorf("Pagefind answered out of order (message %d)", s.read)
	}
	return rp, nil
}

// ask sends a message and waits for everything sent so far to be answered,
// returning the last answer.
func (s *service) ask(payload any) (reply, error) {
	if err := s.send(payload); err != nil {
		return reply{}, err
	}
	if err := s.w.Flush(); err != nil {
		return reply{}, err
	}
	var rp reply
	for s.read < s.sent {
		var err error
		if rp, err = s.receive(); err != nil {
			return rp, err
		}
	}
	return rp, nil
}

// index writes one Pagefind bundle to dir from lines, in one index of the
// service that is deleted after: one shard in memory at a time.
func (s *service) index(dir string, lines []line) error {
	rp, err := s.ask(newIndex{Type: "NewIndex"})
	if err != nil {
		return fmt.Errorf("creating an index: %w", err)
	}
	id := rp.Payload.Index
	for _, l := range lines {
		if err := s.send(addRecord{Type: "AddRecord", Index: id, URL: l.URL, Content: l.Content, Language: l.Language, Meta: l.Meta}); err != nil {
			return err
		}
		if s.sent-s.read >= window {
			if err := s.w.Flush(); err != nil {
				return err
			}
			if _, err := s.receive(); err != nil {
				return fmt.Errorf("adding a record: %w", err)
			}
		}
	}
	if _, err := s.ask(writeFiles{Type: "WriteFiles", Index: id, Output: dir}); err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	if _, err := s.ask(struct {
		Type  string `json:"type"`
		Index int    `json:"index_id"`
	}{"DeleteIndex", id}); err != nil {
		return fmt.Errorf("dropping the index of %s: %w", dir, err)
	}
	return nil
}

// close ends the service (it exits at the end of its input) and waits.
func (s *service) close() error {
	s.in.Close()
	return s.cmd.Wait()
}
