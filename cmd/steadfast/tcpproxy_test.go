package main

import (
	"io"
	"net"
	"sync"
	"testing"
)

// tcpProxy forwards TCP connections from a loopback port to a target, and can
// be cut off and restored on the same port to make a database unreachable.
type tcpProxy struct {
	t      *testing.T
	target string
	addr   string // fixed once first opened

	mu       sync.Mutex
	listener net.Listener
	conns    map[net.Conn]struct{}
	wg       sync.WaitGroup
}

// startTCPProxy listens on a free loopback port and forwards to target. It
// is shut when the test ends.
func startTCPProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	p := &tcpProxy{t: t, target: target, addr: "127.0.0.1:0", conns: map[net.Conn]struct{}{}}
	p.open()
	t.Cleanup(p.shut)
	return p
}

// open listens on the proxy's address: a new port the first time, the same one after.
func (p *tcpProxy) open() {
	p.t.Helper()
	l, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy listen on %s: %v", p.addr, err)
	}
	p.mu.Lock()
	p.listener = l
	p.addr = l.Addr().String()
	p.mu.Unlock()
	p.wg.Add(1)
	go p.accept(l)
}

func (p *tcpProxy) accept(l net.Listener) {
	defer p.wg.Done()
	for {
		client, err := l.Accept()
		if err != nil {
			return // the listener was closed
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			client.Close()
			continue
		}
		if !p.track(client, server) {
			return
		}
		p.wg.Add(2)
		go p.pipe(client, server)
		go p.pipe(server, client)
	}
}

// track records an open pair, unless the proxy has been shut meanwhile.
func (p *tcpProxy) track(conns ...net.Conn) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.listener == nil {
		for _, c := range conns {
			c.Close()
		}
		return false
	}
	for _, c := range conns {
		p.conns[c] = struct{}{}
	}
	return true
}

func (p *tcpProxy) pipe(dst, src net.Conn) {
	defer p.wg.Done()
	_, _ = io.Copy(dst, src)
	dst.Close()
	src.Close()
}

// shut closes the listener and every connection through the proxy, and
// waits until nothing is forwarded any more.
func (p *tcpProxy) shut() {
	p.mu.Lock()
	if p.listener != nil {
		p.listener.Close()
		p.listener = nil
	}
	for c := range p.conns {
		c.Close()
	}
	p.conns = map[net.Conn]struct{}{}
	p.mu.Unlock()
	p.wg.Wait()
}
