package server_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/almanacdb/almanac/server"
)

var screenshots = flag.String("screenshots", "", "also save the browser test's screenshots in `dir`")

// The page in a real browser: headless Chromium loads it from a running
// server, a statement is typed (with completion) and run, a figure of
// the result is clicked with the mouse, and the fact's sentence must be
// highlighted in its article, in view, at 1280 and at 390 pixels wide.
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		msg := "no Chromium (install Debian's chromium package, or set ALMANAC_CHROMIUM): the page is not tested in a browser"
		if os.Getenv("ALMANAC_REQUIRE_BROWSER") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	db := sampleDB(t, false)
	ts := start(t, db, server.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	b := startChromium(ctx, t, bin)

	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			p := b.newPage(ctx, t, width, 900)
			p.navigate(ts.URL + "/")
			p.waitFor(`document.querySelectorAll("#examples a").length > 0`)

			// Type with completion: "high_t" + Tab completes the metric.
			p.click("#q")
			p.insertText("metric high_t")
			p.waitFor(`[...document.querySelectorAll("#completions li")].some(li => li.textContent === "high_tech_enterprises")`)
			p.key("Tab", 9)
			p.insertText("by year")
			if got := p.evalString(`document.querySelector("#q").value`); got != "metric high_tech_enterprises by year" {
				t.Fatalf("query box holds %q after completion", got)
			}
			p.key("Escape", 27)
			p.click(`#query-form button[type=submit]`)

			// The pivot: a chart and a table of figures linking to facts.
			p.waitFor(`document.querySelector("#result table a.fig") !== null`)
			if !p.evalBool(`document.querySelector("#result svg.chart circle") !== null`) {
				t.Error("no chart for a pivot by year")
			}
			p.shot(fmt.Sprintf("results-%d.png", width))
			link := `[...document.querySelectorAll("#result table a.fig")].find(a => a.textContent === "1,180")`
			fact := p.evalString(link + `.dataset.fact`)
			p.scrollTo(link)
			p.click(link)

			p.waitFor(`document.querySelector("#detail mark.sentence strong.number") !== null`)
			var shown struct {
				Sentence, Number, Hash string
				Visible                bool
				Overflow               float64
			}
			p.eval(`(() => {
				const mark = document.querySelector("#detail mark.sentence");
				const art = mark.closest("article").getBoundingClientRect(), m = mark.getBoundingClientRect();
				return {
					sentence: mark.textContent, number: mark.querySelector("strong.number").textContent, hash: location.hash,
					visible: m.bottom > art.top && m.top < art.bottom && m.bottom > 0 && m.top < window.innerHeight,
					overflow: document.documentElement.scrollWidth - window.innerWidth,
				};
			})()`, &shown)
			var detail struct {
				Fact struct{ Sentence string }
			}
			get(t, ts.URL+"/api/facts/"+fact).json(t, &detail)
			switch {
			case shown.Number != "1,180":
				t.Errorf("highlighted number %q, want the figure clicked, 1,180", shown.Number)
			case shown.Sentence != detail.Fact.Sentence:
				t.Errorf("highlighted %q, want fact %s's sentence %q", shown.Sentence, fact, detail.Fact.Sentence)
			case !strings.Contains(shown.Hash, "fact="+fact):
				t.Errorf("location %q does not name fact %s", shown.Hash, fact)
			case !shown.Visible:
				t.Error("the highlighted sentence is not in view")
			}
			if shown.Overflow > 0 {
				t.Errorf("the page is %v pixels wider than the %d-pixel window", shown.Overflow, width)
			}
			// The conflict and the other source are shown.
			if !p.evalBool(`document.querySelector("#detail .conflict-note") !== null && document.querySelectorAll("#detail table tbody tr").length === 1`) {
				t.Error("the fact's conflict or its other source is not shown")
			}
			p.shot(fmt.Sprintf("fact-%d.png", width))
			if len(b.exceptions) > 0 {
				t.Errorf("the page threw: %v", b.exceptions)
			}
		})
	}
}

// chromium returns the browser to run, or "".
func chromium() string {
	if p := os.Getenv("ALMANAC_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser speaks the DevTools protocol to Chromium over the pipe of
// --remote-debugging-pipe: JSON messages ending in NUL, commands on the
// child's fd 3, answers and events on its fd 4.
type browser struct {
	t  *testing.T
	w  io.Writer
	mu sync.Mutex
	id int
	// replies waiting for their answer, by command id
	replies    map[int]chan cdpMessage
	exceptions []string
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func startChromium(ctx context.Context, t *testing.T, bin string) *browser {
	toR, toW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	fromR, fromW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
		"--hide-scrollbars", "--mute-audio", "--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	cmd.ExtraFiles = []*os.File{toR, fromW} // fds 3 and 4
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	toR.Close()
	fromW.Close()
	b := &browser{t: t, w: toW, replies: map[int]chan cdpMessage{}}
	go b.read(fromR)
	t.Cleanup(func() {
		b.call(context.Background(), "", "Browser.close", nil, nil)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		toW.Close()
		if t.Failed() {
			t.Logf("chromium's stderr:\n%s", stderr.String())
		}
	})
	var version struct{ Product string }
	if err := b.call(ctx, "", "Browser.getVersion", nil, &version); err != nil {
		t.Fatalf("%s does not answer on its DevTools pipe: %v\n%s", bin, err, stderr.String())
	}
	t.Logf("browser: %s", version.Product)
	return b
}

func (b *browser) read(r io.Reader) {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		msg, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			for id, c := range b.replies {
				close(c)
				delete(b.replies, id)
			}
			b.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(msg[:len(msg)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if c, ok := b.replies[m.ID]; ok && m.ID != 0 {
			c <- m
			delete(b.replies, m.ID)
		}
		if m.Method == "Runtime.exceptionThrown" {
			b.exceptions = append(b.exceptions, string(m.Params))
		}
		b.mu.Unlock()
	}
}

// call sends a command (to a page's session, or the browser for "") and
// decodes its result into out.
func (b *browser) call(ctx context.Context, session, method string, params, out any) error {
	b.mu.Lock()
	b.id++
	id := b.id
	c := make(chan cdpMessage, 1)
	b.replies[id] = c
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, _ := json.Marshal(msg)
	_, err := b.w.Write(append(data, 0))
	b.mu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-c:
		if !ok {
			return fmt.Errorf("%s: the browser closed its pipe", method)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if out != nil {
			return json.Unmarshal(m.Result, out)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// page is one tab, attached in flat mode.
type page struct {
	ctx     context.Context
	t       *testing.T
	b       *browser
	session string
}

func (b *browser) newPage(ctx context.Context, t *testing.T, width, height int) *page {
	var target struct{ TargetID string }
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		t.Fatal(err)
	}
	var att struct{ SessionID string }
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		t.Fatal(err)
	}
	p := &page{ctx: ctx, t: t, b: b, session: att.SessionID}
	p.do("Runtime.enable", nil, nil)
	p.do("Page.enable", nil, nil)
	p.do("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, nil)
	t.Cleanup(func() {
		b.call(context.Background(), "", "Target.closeTarget", map[string]any{"targetId": target.TargetID}, nil)
	})
	return p
}

func (p *page) do(method string, params, out any) {
	p.t.Helper()
	if err := p.b.call(p.ctx, p.session, method, params, out); err != nil {
		p.t.Fatal(err)
	}
}

func (p *page) navigate(url string) {
	p.t.Helper()
	var nav struct{ ErrorText string }
	p.do("Page.navigate", map[string]any{"url": url}, &nav)
	if nav.ErrorText != "" {
		p.t.Fatalf("navigate to %s: %s", url, nav.ErrorText)
	}
}

// eval runs a JavaScript expression in the page and decodes its value.
func (p *page) eval(expr string, out any) {
	p.t.Helper()
	var r struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct {
			Text      string
			Exception struct{ Description string }
		}
	}
	p.do("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if e := r.ExceptionDetails; e != nil {
		p.t.Fatalf("evaluate %s: %s %s", expr, e.Text, e.Exception.Description)
	}
	if out != nil && len(r.Result.Value) > 0 {
		if err := json.Unmarshal(r.Result.Value, out); err != nil {
			p.t.Fatalf("evaluate %s: %v", expr, err)
		}
	}
}

func (p *page) evalBool(expr string) bool {
	p.t.Helper()
	var v bool
	p.eval(expr, &v)
	return v
}

func (p *page) evalString(expr string) string {
	p.t.Helper()
	var v string
	p.eval(expr, &v)
	return v
}

// waitFor polls a condition until it holds, failing after 15 seconds.
func (p *page) waitFor(cond string) {
	p.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !p.evalBool("!!(" + cond + ")") {
		if time.Now().After(deadline) {
			p.t.Fatalf("waited 15s for %s; page text:\n%s", cond, p.evalString(`document.body.innerText`))
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *page) scrollTo(elem string) {
	p.t.Helper()
	p.eval(elem+`.scrollIntoView({block: "center"})`, nil)
}

// click presses and releases the mouse in the middle of the element an
// expression (or a CSS selector) names, as a user would.
func (p *page) click(elem string) {
	p.t.Helper()
	if !strings.ContainsAny(elem, "()") {
		elem = fmt.Sprintf("document.querySelector(%q)", elem)
	}
	var r struct{ X, Y float64 }
	p.eval(`(() => { const r = `+elem+`.getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`, &r)
	if math.IsNaN(r.X) || r.X <= 0 && r.Y <= 0 {
		p.t.Fatalf("%s is not on the page", elem)
	}
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		p.do("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": r.X, "y": r.Y, "button": "left", "clickCount": 1}, nil)
	}
}

func (p *page) insertText(s string) {
	p.t.Helper()
	p.do("Input.insertText", map[string]any{"text": s}, nil)
}

// key presses and releases a key without text (Tab, Escape...).
func (p *page) key(name string, code int) {
	p.t.Helper()
	for _, typ := range []string{"rawKeyDown", "keyUp"} {
		p.do("Input.dispatchKeyEvent", map[string]any{"type": typ, "key": name, "code": name, "windowsVirtualKeyCode": code}, nil)
	}
}

// shot saves a screenshot as name in the test's directory (and in
// -screenshots).
func (p *page) shot(name string) {
	p.t.Helper()
	p.screenshot(filepath.Join(p.t.TempDir(), name))
	if *screenshots != "" {
		p.screenshot(filepath.Join(*screenshots, name))
	}
}

func (p *page) screenshot(path string) {
	p.t.Helper()
	var shot struct{ Data string }
	p.do("Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false}, &shot)
	data, err := base64.StdEncoding.DecodeString(shot.Data)
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		p.t.Fatalf("screenshot: %v", err)
	}
	p.t.Logf("screenshot: %s", path)
}
