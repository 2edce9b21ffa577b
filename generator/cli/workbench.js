/* thutuc recording workbench: record, listen, keep, one part of one guide at a time.
   Served by `thutuc record` on the team member's own machine; it loads nothing from
   elsewhere. Takes are sent to that server, which checks and saves them into the catalog. */
"use strict";

const STATES = {
  missing: "Chưa ghi",
  stale: "Lỗi thời: văn bản đã đổi sau khi ghi, nên ghi lại",
  unstamped: "Chưa rõ có khớp văn bản không (tệp được chép vào tay, chưa ghi dấu)",
  fresh: "Đã ghi, khớp văn bản",
};
// What MediaRecorder writes, best first: Opus in WebM (Chromium) or Ogg (Firefox), else AAC
// in MP4 (Safari), and the file extension the catalog knows it by.
const TYPES = [["audio/webm;codecs=opus", "webm"], ["audio/ogg;codecs=opus", "ogg"],
  ["audio/mp4;codecs=mp4a.40.2", "m4a"], ["audio/mp4", "m4a"]];
const canRecord = Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia &&
  window.MediaRecorder);
let data = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}

function seconds(value) {
  const whole = Math.round(value);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

function chosenType() {
  for (const [type, ext] of TYPES) if (MediaRecorder.isTypeSupported(type)) return [type, ext];
  return ["", ""];
}

function extensionOf(mime) {
  const match = TYPES.find(([type]) => mime.startsWith(type.split(";")[0]));
  return match ? match[1] : "";
}

function todo(proc) {
  return proc.parts.some((part, index) => (index === 0 && part.state !== "fresh") ||
    part.state === "stale");
}

function summary() {
  const whole = data.procedures.map((proc) => proc.parts[0].state);
  const count = (state) => whole.filter((value) => value === state).length;
  return `${data.procedures.length} thủ tục. Cả hướng dẫn: còn thiếu ${count("missing")}, ` +
    `lỗi thời ${count("stale")}, chưa ghi dấu ${count("unstamped")}, đã ghi ${count("fresh")}.`;
}

function render() {
  document.getElementById("heading").textContent =
    `Ghi âm hướng dẫn — ${data.language} (${data.lang})`;
  document.getElementById("summary").textContent = summary();
  const only = document.getElementById("only-todo").checked;
  const list = document.getElementById("list");
  list.replaceChildren(...data.procedures.filter((proc) => !only || todo(proc)).map((proc) =>
    el("section", { class: "procedure", id: `p-${proc.id}` },
      el("h2", {}, proc.title),
      el("p", { class: "file" }, proc.file),
      partView(proc, proc.parts[0]),
      el("details", { open: proc.parts.slice(1).some((part) => part.state !== "missing") },
        el("summary", {}, "Ghi từng phần (không bắt buộc)"),
        proc.parts.slice(1).map((part) => partView(proc, part))))));
  if (!list.children.length) list.append(el("p", {}, "Không còn phần nào cần ghi."));
}

function partView(proc, part) {
  const box = el("div", { class: "part", "data-id": proc.id, "data-section": part.section,
    "data-state": part.state });
  const state = STATES[part.state] + (part.stale.length ? ` (${part.stale.join(", ")})` : "");
  const script = el("div", { class: "script" }, part.script.map((piece) =>
    el("p", { lang: piece.lang }, piece.text,
      piece.lang !== data.lang ? el("span", { class: "from-vi" }, " (tiếng Việt)") : null)));
  const preview = el("audio", { controls: true, hidden: true, class: "take" });
  const message = el("p", { class: "message", role: "status" });
  let take = null;
  let recorder = null;
  const record = el("button", { type: "button", class: "record", disabled: !canRecord },
    "Ghi");
  const stop = el("button", { type: "button", class: "stop", disabled: true }, "Dừng");
  const listen = el("button", { type: "button", class: "listen", disabled: true }, "Nghe thử");
  const keep = el("button", { type: "button", class: "keep", disabled: true }, "Giữ bản này");
  const file = el("input", { type: "file", accept: "audio/*", capture: true, class: "pick" });

  function useTake(blob, ext) {
    take = { blob, ext };
    preview.src = URL.createObjectURL(blob);
    preview.hidden = false;
    listen.disabled = false;
    keep.disabled = false;
  }

  record.addEventListener("click", async () => {
    message.className = "message";
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1,
        echoCancellation: true, noiseSuppression: true, autoGainControl: true } });
      const [type, ext] = chosenType();
      const options = { audioBitsPerSecond: 24000 };
      if (type) options.mimeType = type;
      recorder = new MediaRecorder(stream, options);
      const chunks = [];
      recorder.addEventListener("dataavailable", (event) => chunks.push(event.data));
      recorder.addEventListener("stop", () => {
        stream.getTracks().forEach((track) => track.stop());
        const blob = new Blob(chunks, { type: recorder.mimeType });
        useTake(blob, ext || extensionOf(recorder.mimeType));
        message.textContent = "Đã ghi xong. Nghe thử, rồi giữ bản này hoặc ghi lại.";
      });
      recorder.start();
      record.disabled = true;
      stop.disabled = false;
      keep.disabled = true;
      message.textContent = "Đang ghi… Đọc phần chữ bên trên rồi bấm Dừng.";
    } catch (error) {
      message.className = "message error";
      message.textContent = `Không mở được micrô (${error.name}). Hãy cho phép trang dùng ` +
        "micrô, hoặc dùng nút chọn tệp ghi âm.";
    }
  });
  stop.addEventListener("click", () => {
    stop.disabled = true;
    record.disabled = false;
    if (recorder && recorder.state !== "inactive") recorder.stop();
  });
  listen.addEventListener("click", () => preview.play());
  file.addEventListener("change", () => {
    const chosen = file.files[0];
    if (!chosen) return;
    const ext = (chosen.name.split(".").pop() || "").toLowerCase();
    useTake(chosen, ext === "oga" ? "ogg" : ext);
    message.textContent = `Đã chọn ${chosen.name}. Nghe thử, rồi giữ bản này.`;
  });
  keep.addEventListener("click", async () => {
    if (!take) return;
    keep.disabled = true;
    message.className = "message";
    message.textContent = "Đang lưu…";
    const query = new URLSearchParams({ id: proc.id, section: part.section, ext: take.ext });
    try {
      const response = await fetch(`/api/take?${query}`, { method: "POST", body: take.blob });
      const answer = await response.json();
      if (!response.ok) throw new Error(answer.error || response.statusText);
      const index = proc.parts.indexOf(part);
      proc.parts[index] = answer;
      const fresh = partView(proc, answer);
      box.replaceWith(fresh);
      fresh.querySelector(".message").textContent =
        `Đã lưu ${answer.name} (${seconds(answer.seconds)}).`;
      document.getElementById("summary").textContent = summary();
    } catch (error) {
      keep.disabled = false;
      message.className = "message error";
      message.textContent = `Chưa lưu được: ${error.message}`;
    }
  });

  box.append(
    el("p", {}, el("b", {}, part.label), ": ", el("span", { class: "state" }, state),
      part.seconds ? ` — ${seconds(part.seconds)}` : ""),
    el("p", { class: "file" }, part.name),
    part.audio ? el("audio", { controls: true, preload: "none", src: part.audio,
      class: "kept" }) : null,
    script,
    el("p", {}, record, stop, listen, keep),
    preview,
    el("p", {}, el("label", {}, "Hoặc chọn tệp ghi âm: ", file)),
    message);
  return box;
}

async function load() {
  document.getElementById("no-recorder").hidden = canRecord;
  try {
    const response = await fetch("/api/parts");
    data = await response.json();
    render();
  } catch (error) {
    document.getElementById("summary").textContent =
      `Không tải được danh sách (${error.message}): lệnh \`thutuc record\` còn chạy không?`;
  }
}

document.getElementById("only-todo").addEventListener("change", render);
load();
