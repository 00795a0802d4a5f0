// Statistics dashboard: reads /api/statistics with the logged-in user's credentials and draws it.
const OPERATIONS = ["ISSUED", "RENEWED", "REVOKED", "HELD", "PIN_LOCKED", "PIN_RESET", "EXPIRED"];
const COLOURS = { ISSUED: "#0b5cad", RENEWED: "#2e9d5b", REVOKED: "#c0392b", HELD: "#e67e22", PIN_LOCKED: "#8e44ad",
  PIN_RESET: "#16a085", EXPIRED: "#7f8c8d", CARD_WORK_FAILED: "#95a5a6" };
const charts = {};

function jstToday() {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

function daysBefore(isoDate, days) {
  const date = new Date(isoDate + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

async function rows(from, to, groupBy) {
  const response = await fetch(`/api/statistics?from=${from}&to=${to}&groupBy=${groupBy}`, { credentials: "same-origin" });
  if (!response.ok) {
    throw new Error(`statistics answered ${response.status}`);
  }
  return response.json();
}

function draw(id, type, labels, datasets, stacked) {
  charts[id]?.destroy();
  charts[id] = new Chart(document.getElementById(id), {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false,
      scales: type === "doughnut" ? {} : { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } } },
  });
  document.getElementById(id).dataset.rendered = "true";
}

function byOperation(result, key) {
  const labels = [...new Set(result.map((row) => row[key]))].sort();
  const datasets = OPERATIONS.filter((op) => result.some((row) => row.operation === op)).map((op) => ({
    label: op, backgroundColor: COLOURS[op], borderColor: COLOURS[op],
    data: labels.map((label) => result.filter((row) => row[key] === label && row.operation === op)
      .reduce((sum, row) => sum + row.count, 0)),
  }));
  return { labels, datasets };
}

async function show(from, to) {
  const status = document.getElementById("status");
  status.textContent = "Loading…";
  const [totals, perDay, perOffice, byReason, byKind, detail] = await Promise.all([
    rows(from, to, "operation"), rows(from, to, "day,operation"), rows(from, to, "office,operation"),
    rows(from, to, "operation,reason"), rows(from, to, "kind,operation"), rows(from, to, "office,kind,operation")]);

  for (const op of OPERATIONS) {
    document.querySelector(`[data-testid="total-${op}"]`).textContent =
      totals.filter((row) => row.operation === op).reduce((sum, row) => sum + row.count, 0).toLocaleString("ja-JP");
  }
  document.querySelector('[data-testid="total-fees"]').textContent =
    totals.reduce((sum, row) => sum + row.feeYen, 0).toLocaleString("ja-JP");

  const day = byOperation(perDay, "day");
  draw("per-day", "bar", day.labels, day.datasets, true);
  const office = byOperation(perOffice, "officeId");
  draw("per-office", "bar", office.labels, office.datasets, true);
  const revoked = byReason.filter((row) => row.operation === "REVOKED");
  draw("by-reason", "doughnut", revoked.map((row) => row.reason),
    [{ data: revoked.map((row) => row.count), backgroundColor: ["#c0392b", "#e67e22", "#8e44ad", "#2c3e50", "#16a085", "#7f8c8d", "#d35400"] }], false);
  const kind = byOperation(byKind, "kind");
  draw("by-kind", "bar", kind.labels, kind.datasets, false);

  const body = document.querySelector("#detail tbody");
  body.replaceChildren(...detail.map((row) => {
    const tr = document.createElement("tr");
    for (const [value, number] of [[row.officeId, false], [row.kind, false], [row.operation, false], [row.count, true], [row.feeYen, true]]) {
      const td = document.createElement("td");
      td.textContent = number ? value.toLocaleString("ja-JP") : value;
      if (number) td.className = "number";
      tr.append(td);
    }
    return tr;
  }));
  status.textContent = `${from} – ${to} (JST), updated ${new Date().toLocaleTimeString("ja-JP")}`;
  document.body.dataset.loaded = "true";
}

const params = new URLSearchParams(location.search);
const to = params.get("to") ?? jstToday();
const from = params.get("from") ?? daysBefore(to, 30);
document.getElementById("from").value = from;
document.getElementById("to").value = to;
document.getElementById("range").addEventListener("submit", (event) => {
  event.preventDefault();
  show(document.getElementById("from").value, document.getElementById("to").value)
    .catch((error) => { document.getElementById("status").textContent = error.message; });
});
show(from, to).catch((error) => { document.getElementById("status").textContent = error.message; });
