# Runs dealer in a pseudo-terminal and types answers, as a person would: each answer is sent once
# the expected prompt text has appeared. Usage: terminal.py <script.json>; prints a JSON result.
# Each step looks only at what was drawn since the previous answer was typed: a prompt asked again
# (after a refused answer) must really be drawn again, not found in what was on screen before.
import json, os, pty, select, signal, sys, time

spec = json.load(open(sys.argv[1]))
pid, fd = pty.fork()
if pid == 0:
    if spec.get('cols'):  # the terminal's size, set before dealer starts and reads it
        import fcntl, struct, termios
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', spec.get('rows', 40), spec['cols'], 0, 0))
    os.execvpe(spec['argv'][0], spec['argv'], spec['env'])

out = b''
seen = 0  # how much of `out` was on screen when the last answer was typed

def wait_for(text, timeout=30):
    global out
    end = time.time() + timeout
    while time.time() < end:
        if text.encode() in out[seen:]:
            return True
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 65536)
            except OSError:
                return False
    return False

def drain():
    # Whatever the prompt drew before the answer belongs to the old screen.
    global out
    while select.select([fd], [], [], 0)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        out += chunk

for step in spec['steps']:
    if not wait_for(step['after'], step.get('within', 30)):
        os.kill(pid, signal.SIGKILL)
        print(json.dumps({'error': 'prompt not seen: ' + step['after'], 'output': out.decode(errors='replace')}))
        sys.exit(0)
    time.sleep(0.05)
    drain()
    seen = len(out)
    if step.get('signal') == 'INT':
        os.write(fd, b'\x03')  # Ctrl-C typed at the keyboard
    elif step.get('signal') == 'SIGINT':
        os.kill(pid, signal.SIGINT)  # the signal sent to the process from elsewhere
    else:
        os.write(fd, step['send'].encode())
wait_for('\0never\0', timeout=spec.get('settle', 3))
# A dealer still waiting for input after the last step would block waitpid until the test's own
# timeout: give it a while to finish, then stop it and say so.
end = time.time() + 30
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() > end:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        print(json.dumps({'error': 'still running after the last step', 'output': out.decode(errors='replace')}))
        sys.exit(0)
    wait_for('\0never\0', timeout=0.2)
print(json.dumps({'code': os.waitstatus_to_exitcode(status), 'output': out.decode(errors='replace')}))
