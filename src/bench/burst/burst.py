"""Drives src/bench/burst/run.sh: sets up a team, measures check-ins alone, then during a burst."""
import json, statistics, sys, threading, time, uuid
import urllib.request, urllib.error
from concurrent.futures import ThreadPoolExecutor

base, mgmt, admin_email, admin_password, burst, checkins = sys.argv[1:7]
burst, checkins = int(burst), int(checkins)


def call(method, path, token=None, body=None, url=None):
    request = urllib.request.Request((url or base) + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if method != "GET" and not path.startswith("/api/v1/auth/"):
        request.add_header("Idempotency-Key", str(uuid.uuid4()))
    if token:
        request.add_header("Authorization", "Bearer " + token)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, text = response.status, response.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    return status, (json.loads(text) if text else None), time.perf_counter() - started


def login(email, password):
    status, body, _ = call("POST", "/api/v1/auth/login", body={"email": email, "password": password})
    if status != 200:
        sys.exit("sign-in as %s: %s %s" % (email, status, body))
    return body["accessToken"]


admin = login(admin_email, admin_password)
team = call("POST", "/api/v1/teams", admin, {"name": "Burst"})[1]["id"]
users = {}
for role in ("MANAGER", "REP"):
    users[role] = call("POST", "/api/v1/users", admin, {"email": role.lower() + "@burst.bench", "displayName": role,
                                                         "password": "correct-horse-battery", "role": role, "teamId": team})[1]["id"]
call("PUT", "/api/v1/teams/%s/managers" % team, admin, {"userIds": [users["MANAGER"]]})
manager, rep = login("manager@burst.bench", "correct-horse-battery"), login("rep@burst.bench", "correct-horse-battery")
customer = call("POST", "/api/v1/customers", rep, {"name": "Visited", "grade": "A", "lat": 31.23, "lng": 121.47})[1]["id"]


def check_in():
    return call("POST", "/api/v1/checkins", rep, {"clientId": str(uuid.uuid4()), "customerId": customer,
                                                  "clientTime": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 30)),
                                                  "position": {"lat": 31.23, "lng": 121.47, "accuracy": 10, "fixAge": 3},
                                                  "purpose": "DEMO"})


def write(i):
    if i % 5 == 4:
        items = [{"externalId": "b%d-%d" % (i, k), "name": "Synced %d-%d" % (i, k), "grade": "C", "ownerId": users["REP"]}
                 for k in range(10)]
        return call("POST", "/api/v1/customers/batch", manager, {"items": items})
    return call("POST", "/api/v1/customers", manager, {"name": "Burst %d" % i, "grade": "B", "ownerId": users["REP"]})


def summary(name, answers):
    times = sorted(t * 1000 for _, _, t in answers)
    statuses = {}
    for s, _, _ in answers:
        statuses[s] = statuses.get(s, 0) + 1
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print("%-28s n=%-4d statuses=%s  p50=%.0f ms  p95=%.0f ms  max=%.0f ms" % (name, len(times), statuses, p(0.5), p(0.95), times[-1]))
    return p(0.5), p(0.95), times[-1]


for _ in range(20):  # warm-up
    check_in()
alone = [check_in() for _ in range(checkins)]
ready_alone = [call("GET", "/q/health/ready", url=mgmt) for _ in range(20)]

readiness, stop = [], threading.Event()


def probe():
    while not stop.is_set():
        readiness.append(call("GET", "/q/health/ready", url=mgmt))
        time.sleep(0.05)


prober = threading.Thread(target=probe)
prober.start()
started = time.perf_counter()
with ThreadPoolExecutor(max_workers=burst) as pool:
    futures = [pool.submit(write, i) for i in range(burst)]
    time.sleep(0.2)  # the burst is in flight
    during = [check_in() for _ in range(checkins)]
    writes = [f.result() for f in futures]
elapsed = time.perf_counter() - started
stop.set()
prober.join()

print("\nburst of %d writes answered in %.1f s" % (burst, elapsed))
a = summary("check-in, alone", alone)
d = summary("check-in, during the burst", during)
summary("burst writes", writes)
summary("readiness, alone", ready_alone)
summary("readiness, during the burst", readiness)
print("\nratios (during / alone): check-in p50 %.1fx, p95 %.1fx, max %.1fx" % (d[0] / a[0], d[1] / a[1], d[2] / a[2]))
bad = [s for s, _, _ in writes if s not in (200, 201, 429, 503)]
print("writes answered other than 200/201/429/503: %d; readiness other than 200: %d" % (len(bad), sum(1 for s, _, _ in readiness if s != 200)))
