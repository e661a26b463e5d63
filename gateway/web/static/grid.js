// Отметка — the teacher's grid typed into with the keyboard (issue 18). Progressive: without this script the page
// shows the grid and edits one lesson as a form. With it, every open lesson's cells become inputs: marks and
// attendance typed in a short grammar (5, 4к, 5 4к, н, оп 4), moved through with the arrows, Tab and Enter; the topic
// and homework typed in the column's head. A changed lesson is saved by itself (the whole lesson, SaveLesson on the
// REST API) about half a second after the last keystroke, on the revision the page holds: a lesson somebody else
// changed meanwhile is merged cell by cell, and what both changed is shown as a conflict for the teacher to decide —
// never overwritten. Without a connection the lessons wait in localStorage ("не отправлено"), with the time they
// were typed, and go in order when the connection returns (also after the page is reopened).
(function () {
  "use strict";
  const table = document.querySelector("table.grid[data-entry]");
  const configNode = document.getElementById("grid-config");
  if (!table || !configNode) return;
  const cfg = JSON.parse(configNode.textContent);
  const panel = document.getElementById("grid-entry");
  const statusLine = document.getElementById("grid-status");
  const reasonInput = document.getElementById("change-reason");
  const conflictsBox = document.getElementById("grid-conflicts");
  const csrf = (document.querySelector("input[name=csrf_token]") || {}).value || "";
  const NOT_COUNTED = "*";  // after a mark: kept and shown, not counted towards the average (weight 0)
  const SAVE_AFTER_MS = 500;  // after the last keystroke in a cell
  const SAVE_ON_LEAVE_MS = 30;  // after the teacher moves on from a changed cell (Enter, Tab, an arrow)
  const RETRY_MS = 5000;
  const STORE = "otmetka-grid:" + cfg.school_id + ":";
  const MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
                  "ноября", "декабря"];
  const workTypes = cfg.work_types;
  const defaultType = (workTypes.find((w) => w.code === "classwork") || workTypes[0] || {code: "classwork"}).code;
  const typeByKey = Object.fromEntries(workTypes.map((w) => [w.key, w.code]));
  const keyByType = Object.fromEntries(workTypes.map((w) => [w.code, w.key]));
  const attendanceByKey = Object.fromEntries(cfg.attendance.map((a) => [a.key, a.code]));
  const keyByAttendance = Object.fromEntries(cfg.attendance.map((a) => [a.code, a.key]));
  const values = [...cfg.mark_values].sort((a, b) => b.length - a.length);  // "10" before "1"

  // ---- the model: per lesson what the server holds (base), what the page shows (current), the inputs
  const lessons = new Map();
  cfg.lessons.forEach((info, index) => {
    const cells = {};
    cfg.students.forEach((student) => {
      const cell = student.cells[index];
      if (cell) cells[student.id] = cellOf(cell.marks, cell.attendance);
    });
    const state = {topic: info.topic, homework: info.homework, plan_topic_id: info.plan_topic_id, cells};
    lessons.set(info.id, {info, index, base: clone(state), current: clone(state), revision: info.revision,
                          workType: defaultType, timer: null, saving: false, again: false, lastTyped: "", offlineSince: "",
                          queuedAt: "",
                          conflicts: new Map(), inputs: new Map(), status: ""});
  });
  const students = new Map(cfg.students.map((s) => [s.id, s]));

  function cellOf(marks, attendance) {  // one shape and order for every cell, so that equal cells compare equal
    return {marks: marks.map((m) => ({value: m.value, work_type: m.work_type, comment: m.comment || "",
                                      not_counted: Boolean(m.not_counted)}))
      .sort((a, b) => a.work_type.localeCompare(b.work_type)), attendance: attendance || ""};
  }
  function clone(value) { return JSON.parse(JSON.stringify(value)); }
  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
  function dayName(iso) { const [, m, d] = iso.split("-"); return Number(d) + " " + MONTHS[Number(m) - 1]; }
  function editable(lesson) { return !lesson.info.locked && !mirrored(lesson); }
  function mirrored(lesson) {  // the second period of a double lesson entered together with the first
    const pair = lesson.info.paired_with && lessons.get(lesson.info.paired_with);
    return cfg.double_lessons === "together" && pair && pair.index < lesson.index;
  }

  // ---- the grammar of a cell
  function format(cell, columnType) {
    if (!cell) return "";
    const marks = cell.marks.map((m) => m.value + (m.work_type === columnType ? "" : (keyByType[m.work_type] || "")) +
                                        (m.not_counted ? NOT_COUNTED : ""));
    if (cell.attendance) marks.push(keyByAttendance[cell.attendance] || cell.attendance);
    return marks.join(" ");
  }

  function parse(text, columnType, previous) {
    const marks = [];
    let attendance = "";
    for (const typed of text.toLowerCase().split(/[\s,;]+/).filter(Boolean)) {
      const notCounted = typed.length > 1 && typed.endsWith(NOT_COUNTED);  // «3*»: kept, not in the average
      const token = notCounted ? typed.slice(0, -1) : typed;
      if (attendanceByKey[token] && !notCounted) {
        if (attendance) throw new Error("две отметки посещаемости в одной ячейке");
        attendance = attendanceByKey[token];
        continue;
      }
      const value = values.find((v) => token.startsWith(v.toLowerCase()));
      const rest = value === undefined ? "" : token.slice(value.length);
      const type = rest === "" ? columnType : typeByKey[rest];
      if (value === undefined || type === undefined) {
        throw new Error("не понимаю «" + token + "»: отметка (" + cfg.mark_values[cfg.mark_values.length - 1] + "…" +
                        cfg.mark_values[0] +
                        ", с буквой вида работы: 4" + (keyByType.test || "к") + ") или посещаемость (" +
                        cfg.attendance.map((a) => a.key).join(", ") + ")");
      }
      if (marks.some((m) => m.work_type === type)) {
        throw new Error("две отметки одного вида работы: укажите вид буквой после отметки");
      }
      const kept = ((previous && previous.marks) || []).find((m) => m.work_type === type);
      marks.push({value, work_type: type, comment: kept ? kept.comment : "", not_counted: notCounted});
    }
    return cellOf(marks, attendance);
  }

  // ---- the inputs
  const grid = [];  // rows of inputs (topic, homework, then a row per student), a column per lesson: the arrows' map
  function build() {
    panel.hidden = false;
    const heads = table.querySelectorAll("th.lesson-head");
    heads.forEach((th) => {
      const lesson = lessons.get(th.dataset.lesson);
      if (!lesson || !editable(lesson)) {
        if (lesson && lesson.info.locked === "LESSON_LOCKED") th.append(unlockButton(lesson));
        if (lesson && mirrored(lesson)) th.append(note("вместе с уроком " + lessons.get(lesson.info.paired_with).info.number));
        return;
      }
      const select = document.createElement("select");
      select.className = "column-type";
      select.setAttribute("aria-label", "Вид работы для отметок урока " + dayName(lesson.info.date));
      workTypes.forEach((w) => select.append(new Option(w.name, w.code, false, w.code === lesson.workType)));
      select.addEventListener("change", () => { lesson.workType = select.value; redraw(lesson); });
      th.append(document.createElement("br"), select);
      lesson.status = document.createElement("small");
      lesson.status.className = "column-status";
      th.append(document.createElement("br"), lesson.status);
    });
    for (const field of ["topic", "homework"]) {
      table.querySelectorAll("td." + field).forEach((td) => {
        const lesson = lessons.get(td.dataset.lesson);
        if (!lesson || !editable(lesson)) return;
        const input = document.createElement("input");
        input.type = "text";
        input.className = "text-input " + field;
        input.maxLength = field === "topic" ? 500 : 4000;
        input.value = lesson.current[field];
        input.dataset.lesson = lesson.info.id;
        input.setAttribute("aria-label", (field === "topic" ? "Тема урока " : "Домашнее задание к уроку ") +
                           dayName(lesson.info.date));
        input.addEventListener("input", () => { lesson.current[field] = input.value; changed(lesson); });
        input.addEventListener("keydown", (event) => move(event, input));
        td.replaceChildren(input);
        lesson.inputs.set(field, input);
      });
    }
    table.querySelectorAll("tbody tr[data-student]").forEach((tr) => {
      const student = students.get(tr.dataset.student);
      tr.querySelectorAll("td.cell").forEach((td) => {
        const lesson = lessons.get(td.dataset.lesson);
        if (!lesson || !editable(lesson) || !lesson.current.cells[student.id]) return;
        const input = document.createElement("input");
        input.type = "text";
        input.className = "cell-input";
        input.autocomplete = "off";
        input.spellcheck = false;
        input.dataset.lesson = lesson.info.id;
        input.dataset.student = student.id;
        input.setAttribute("aria-label", student.name + ", " + dayName(lesson.info.date) + ", урок " + lesson.info.number);
        input.value = format(lesson.current.cells[student.id], lesson.workType);
        input.addEventListener("input", () => typed(input, lesson, student.id));
        input.addEventListener("keydown", (event) => move(event, input));
        td.replaceChildren(input);
        lesson.inputs.set(student.id, input);
      });
    });
    const periodInputs = cfg.term_id ? buildPeriodColumn() : new Map();
    const order = [...lessons.values()].sort((a, b) => a.index - b.index);
    for (const key of ["topic", "homework", ...cfg.students.map((student) => student.id)]) {
      grid.push([...order.map((lesson) => lesson.inputs.get(key) || null), periodInputs.get(key) || null]);
    }
  }

  // ---- the term mark: proposed from the average and the minimum-marks rule, set only when the teacher confirms
  function buildPeriodColumn() {
    const inputs = new Map();
    table.querySelectorAll("td.term-mark").forEach((td) => {
      const student = students.get(td.dataset.student);
      const input = document.createElement("input");
      input.type = "text";
      input.className = "period-input";
      input.value = student.term_mark;
      input.placeholder = student.proposed || "";
      input.setAttribute("aria-label", student.name + ", оценка за период" +
                         (student.proposed ? ", предложено " + student.proposed : ""));
      input.title = student.proposed ? "Предложено " + student.proposed + ": Enter — выставить" : "";
      input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey) {
          const value = input.value.trim() || input.placeholder;
          if (value && value !== student.term_mark) { setTermMark(student, input, value); event.preventDefault(); return; }
        }
        move(event, input);
      });
      td.replaceChildren(input);
      inputs.set(student.id, input);
    });
    return inputs;
  }

  async function setTermMark(student, input, value) {
    mark(input, "saving", "");
    let response = null;
    try {
      response = await request("PUT", "/term-marks", {student_id: student.id, subject_id: cfg.subject_id,
                                                      term_id: cfg.term_id, value, reason: reasonInput.value.trim()});
    } catch (error) {
      response = null;
    }
    if (response && response.ok) {
      student.term_mark = (await response.json()).value;
      input.value = student.term_mark;
      mark(input, "saved", "");
      say("Оценка за период выставлена: " + student.name + " — " + student.term_mark, "saved");
    } else {
      const why = response ? (((await response.json()).error || {}).message || "ошибка") : "нет связи с сервером";
      mark(input, "refused", why);
      say("Оценка за период не выставлена: " + student.name + " — " + why, "refused");
    }
  }

  function note(text) { const small = document.createElement("small"); small.textContent = text; return small; }

  function redraw(lesson) {
    for (const [studentId, input] of lesson.inputs) {
      if (studentId === "topic" || studentId === "homework") input.value = lesson.current[studentId];
      else if (document.activeElement !== input && !input.classList.contains("refused")) {
        input.value = format(lesson.current.cells[studentId], lesson.workType);
      }
    }
  }

  function typed(input, lesson, studentId) {
    try {
      lesson.current.cells[studentId] = parse(input.value, lesson.workType, lesson.current.cells[studentId]);
      mark(input, "", "");
      lesson.conflicts.delete(studentId);
      changed(lesson);
    } catch (error) {
      mark(input, "refused", error.message);
    }
  }

  function mark(input, state, why) {
    input.classList.remove("refused", "saving", "saved", "pending", "conflict");
    if (state) input.classList.add(state);
    if (why) input.title = why; else input.removeAttribute("title");
    input.setAttribute("aria-invalid", state === "refused" ? "true" : "false");
  }

  function move(event, input) {
    const rowIndex = grid.findIndex((row) => row.includes(input));
    const colIndex = grid[rowIndex].indexOf(input);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    let target = null;
    if (event.key === "ArrowDown" || (event.key === "Enter" && !event.shiftKey && !event.ctrlKey)) {
      target = step(rowIndex, colIndex, 1, 0);
    } else if (event.key === "ArrowUp" || (event.key === "Enter" && event.shiftKey)) {
      target = step(rowIndex, colIndex, -1, 0);
    } else if (event.key === "ArrowRight" && atEnd) {
      target = step(rowIndex, colIndex, 0, 1);
    } else if (event.key === "ArrowLeft" && atStart) {
      target = step(rowIndex, colIndex, 0, -1);
    } else if (event.key === "Escape" && input.dataset.student) {
      const lesson = lessons.get(input.dataset.lesson);
      if (lesson) { input.value = format(lesson.current.cells[input.dataset.student], lesson.workType); mark(input, "", ""); }
      event.preventDefault();
      return;
    } else if ((event.key === "d" || event.key === "в" || event.key === "Enter") && event.ctrlKey) {
      fillColumn(input);
      event.preventDefault();
      return;
    } else {
      return;
    }
    event.preventDefault();
    if (target) { target.focus(); target.select(); }
    soon(lessons.get(input.dataset.lesson));
  }

  function soon(lesson) {  // the cell is done: save now rather than after the typing pause
    if (!lesson || !lesson.timer) return;
    clearTimeout(lesson.timer);
    lesson.timer = setTimeout(() => { lesson.timer = null; save(lesson); }, SAVE_ON_LEAVE_MS);
  }

  function step(rowIndex, colIndex, down, right) {
    let r = rowIndex + down, c = colIndex + right;
    while (r >= 0 && r < grid.length && c >= 0 && c < grid[r].length) {
      if (grid[r][c]) return grid[r][c];
      r += down; c += right;
    }
    return null;
  }

  function fillColumn(input) {
    const lesson = lessons.get(input.dataset.lesson);
    if (!lesson || !input.dataset.student || input.classList.contains("refused")) return;
    const value = lesson.current.cells[input.dataset.student];
    let filled = 0;
    for (const [studentId, other] of lesson.inputs) {
      if (studentId === "topic" || studentId === "homework" || other === input) continue;
      const cell = lesson.current.cells[studentId];
      if (cell.marks.length === 0 && !cell.attendance) {
        lesson.current.cells[studentId] = clone(value);
        other.value = format(value, lesson.workType);
        filled += 1;
      }
    }
    if (filled) changed(lesson);
    say("Заполнено пустых ячеек: " + filled);
  }

  // ---- saving
  function changed(lesson) {
    lesson.lastTyped = new Date().toISOString();
    lesson.refusal = "";
    clearTimeout(lesson.timer);
    lesson.timer = setTimeout(() => { lesson.timer = null; save(lesson); }, SAVE_AFTER_MS);
    columnState(lesson, "изменено", "");
    keep(lesson);
  }

  function dirty(lesson) { return !same(lesson.base, lesson.current); }

  function changedKeys(from, to) {
    return ["topic", "homework", ...Object.keys(to.cells)].filter((key) =>
      !same(key in to.cells ? from.cells[key] : from[key], key in to.cells ? to.cells[key] : to[key]));
  }

  function payload(lesson) {
    const state = lesson.current;
    const body = {topic: state.topic, homework: state.homework, marks: [], attendance: [],
                  expected_revision: lesson.revision};
    if (state.plan_topic_id) body.plan_topic_id = state.plan_topic_id;
    for (const [studentId, cell] of Object.entries(state.cells)) {
      cell.marks.forEach((m) => body.marks.push({student_id: studentId, value: m.value, work_type: m.work_type,
                                                 comment: m.comment, not_counted: m.not_counted}));
      if (cell.attendance) body.attendance.push({student_id: studentId, status: cell.attendance});
    }
    if (lesson.info.date < cfg.today && reasonInput.value.trim()) body.reason = reasonInput.value.trim();
    if (lesson.offlineSince) body.entered_at = lesson.lastTyped;  // typed while the connection was down (J12)
    return body;
  }

  function pairOf(lesson) {  // a double lesson entered together: the second period, saved with the first
    const pair = lesson.info.paired_with && lessons.get(lesson.info.paired_with);
    return cfg.double_lessons === "together" && pair && pair.index > lesson.index ? pair : null;
  }

  function pairBody(pair, body) {  // the second period: the first's topic, homework and attendance, its own marks
    const second = {lesson_id: pair.info.id, topic: body.topic, homework: body.homework,
                    expected_revision: pair.revision, marks: [], attendance: body.attendance};
    for (const [studentId, cell] of Object.entries(pair.current.cells)) {
      cell.marks.forEach((m) => second.marks.push({student_id: studentId, value: m.value, work_type: m.work_type,
                                                   comment: m.comment, not_counted: m.not_counted}));
    }
    for (const key of ["reason", "entered_at"]) if (body[key]) second[key] = body[key];
    return second;
  }

  async function save(lesson) {
    if (lesson.saving) { lesson.again = true; return; }
    if (!dirty(lesson)) { forget(lesson); columnState(lesson, "", ""); return; }
    if (lesson.conflicts.size) return;
    lesson.saving = true;
    const sent = clone(lesson.current);
    const keys = changedKeys(lesson.base, sent);
    const body = payload(lesson);
    const pair = pairOf(lesson);
    columnState(lesson, "сохраняется…", "saving");
    let response = null;
    try {
      response = pair
        ? await request("PUT", "/lessons/records", {lessons: [{lesson_id: lesson.info.id, ...body}, pairBody(pair, body)]})
        : await request("PUT", "/lessons/" + lesson.info.id + "/record", body);
    } catch (error) {
      response = null;  // no connection
    }
    lesson.saving = false;
    if (response && response.ok) {
      const data = await response.json();
      lesson.revision = (pair ? data.records[0] : data).revision;
      if (pair) {
        pair.revision = data.records[1].revision;
        Object.keys(pair.current.cells).forEach((id) => { pair.current.cells[id].attendance = sent.cells[id].attendance; });
        Object.assign(pair.current, {topic: sent.topic, homework: sent.homework});
        pair.base = clone(pair.current);
      }
      lesson.base = sent;
      busyRefusals = 0;
      lesson.offlineSince = "";
      lesson.refusal = "";
      keys.forEach((key) => { const input = lesson.inputs.get(key); if (input && !dirtyKey(lesson, key)) mark(input, "saved", ""); });
      if (dirty(lesson)) save(lesson);
      else { forget(lesson); columnState(lesson, "сохранено", "saved"); }
    } else if (otmetkaRetry.busy(response)) {  // the gateway sheds load: back when it says, politely
      lesson.offlineSince = lesson.offlineSince || new Date().toISOString();
      keep(lesson);
      const seconds = otmetkaRetry.delaySeconds(response, busyRefusals++);
      columnState(lesson, otmetkaRetry.message(seconds), "pending");
      retryLater(seconds * 1000);
    } else if (!response || response.status >= 500 || response.status === 401) {
      lesson.offlineSince = lesson.offlineSince || new Date().toISOString();  // waits in the browser
      keep(lesson);
      columnState(lesson, response && response.status === 401 ? "не отправлено: войдите снова" : "не отправлено",
                  "pending");
      retryLater();
    } else {
      const error = (await response.json()).error || {};
      if (error.reason === "LESSON_CHANGED") await merge(lesson);
      else refused(lesson, body, error);
    }
    summary();
    if (lesson.again) { lesson.again = false; save(lesson); }
  }

  function dirtyKey(lesson, key) {
    return key in lesson.current.cells ? !same(lesson.current.cells[key], lesson.base.cells[key])
                                       : lesson.current[key] !== lesson.base[key];
  }

  function request(method, path, body) {
    return fetch(cfg.api + path, {method, credentials: "same-origin", body: body && JSON.stringify(body),
                                  headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf}});
  }

  function refused(lesson, body, error) {
    const fields = error.fields || {};
    for (const [field, why] of Object.entries(fields)) {  // at the cell the journal names, else at the column
      const match = /^(?:lessons\[0\]\.)?(marks|attendance)\[(\d+)\]/.exec(field);
      const entry = match && body[match[1]][Number(match[2])];
      const text = /(topic|homework)$/.exec(field);
      const input = entry ? lesson.inputs.get(entry.student_id) : text && lesson.inputs.get(text[1]);
      if (input) mark(input, "refused", why);
      if (field.endsWith("reason")) { reasonInput.classList.add("needed"); reasonInput.title = why; }
    }
    lesson.refusal = error.message || "ошибка";
    columnState(lesson, "не сохранено: " + lesson.refusal, "refused");
    if (error.reason === "LESSON_LOCKED" && lesson.status && !lesson.status.nextElementSibling) {
      lesson.status.after(unlockButton(lesson));
    }
  }

  // ---- conflicts: somebody else changed the lesson since the page's revision
  async function merge(lesson) {
    const response = await request("GET", "/lessons/" + lesson.info.id + "/record");
    if (!response.ok) { columnState(lesson, "не сохранено: урок изменён, обновите страницу", "refused"); return; }
    const record = await response.json();
    const server = {topic: record.topic, homework: record.homework, plan_topic_id: record.plan_topic_id, cells: {}};
    for (const studentId of Object.keys(lesson.current.cells)) {
      server.cells[studentId] = cellOf(record.marks.filter((m) => m.student_id === studentId),
                                       (record.attendance.find((a) => a.student_id === studentId) || {}).status);
    }
    const base = lesson.base, mine = lesson.current, merged = clone(server);
    for (const field of ["topic", "homework"]) {
      if (mine[field] !== base[field]) {
        if (server[field] === base[field] || server[field] === mine[field]) merged[field] = mine[field];
        else lesson.conflicts.set(field, {mine: mine[field], theirs: server[field]});
      }
    }
    for (const studentId of Object.keys(mine.cells)) {
      const [b, m, s] = [base.cells[studentId], mine.cells[studentId], server.cells[studentId]];
      if (same(m, b)) continue;
      if (same(s, b) || same(s, m)) merged.cells[studentId] = m;
      else lesson.conflicts.set(studentId, {mine: m, theirs: s});
    }
    for (const [key, conflict] of lesson.conflicts) {  // the page shows the teacher's value until they decide
      if (key === "topic" || key === "homework") merged[key] = conflict.mine; else merged.cells[key] = conflict.mine;
    }
    lesson.base = server;
    lesson.revision = record.revision;
    lesson.current = merged;
    redraw(lesson);
    showConflicts();
    if (lesson.conflicts.size) {
      columnState(lesson, "конфликт: урок изменил другой пользователь", "conflict");
      keep(lesson);
    } else {
      save(lesson);
    }
  }

  function showConflicts() {
    conflictsBox.replaceChildren();
    for (const lesson of lessons.values()) {
      for (const [key, conflict] of lesson.conflicts) {
        const isText = key === "topic" || key === "homework";
        const who = isText ? (key === "topic" ? "Тема" : "Домашнее задание") : students.get(key).name;
        const show = (v) => isText ? "«" + v + "»" : "«" + (format(v, lesson.workType) || "пусто") + "»";
        const item = document.createElement("div");
        item.className = "conflict-item";
        item.setAttribute("role", "group");
        item.append(note(who + ", " + dayName(lesson.info.date) + ": другой пользователь записал " + show(conflict.theirs) +
                         ", у вас " + show(conflict.mine) + ". "));
        const input = lesson.inputs.get(key);
        if (input) mark(input, "conflict", "другой пользователь записал " + show(conflict.theirs));
        for (const [label, keepMine] of [["Оставить моё", true], ["Взять из журнала", false]]) {
          const button = document.createElement("button");
          button.type = "button";
          button.className = "button";
          button.textContent = label;
          button.addEventListener("click", () => decide(lesson, key, keepMine));
          item.append(button, " ");
        }
        conflictsBox.append(item);
      }
    }
  }

  function decide(lesson, key, keepMine) {
    const conflict = lesson.conflicts.get(key);
    const value = keepMine ? conflict.mine : conflict.theirs;
    if (key === "topic" || key === "homework") lesson.current[key] = value; else lesson.current.cells[key] = clone(value);
    lesson.conflicts.delete(key);
    const input = lesson.inputs.get(key);
    if (input) { mark(input, "", ""); input.value = key in lesson.current.cells ? format(value, lesson.workType) : value; }
    showConflicts();
    if (!lesson.conflicts.size) { columnState(lesson, "изменено"); save(lesson); }
  }

  // ---- locked lessons: the unlock request one click away
  function unlockButton(lesson) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link unlock";
    button.textContent = "Попросить открыть";
    button.addEventListener("click", async () => {
      const reason = window.prompt("Что и почему нужно исправить в уроке " + dayName(lesson.info.date) + "?");
      if (!reason) return;
      const response = await request("POST", "/lessons/" + lesson.info.id + "/unlock-requests", {reason});
      say(response.ok ? "Запрос на открытие урока отправлен заместителю директора"
                      : "Запрос не отправлен: " + (((await response.json()).error || {}).message || response.status));
    });
    return button;
  }

  // ---- waiting in the browser while offline
  function keep(lesson) {
    if (!dirty(lesson) && !lesson.conflicts.size) { forget(lesson); return; }
    try {
      localStorage.setItem(STORE + lesson.info.id, JSON.stringify({
        base: lesson.base, current: lesson.current, revision: lesson.revision, lastTyped: lesson.lastTyped,
        offlineSince: lesson.offlineSince, queuedAt: lesson.queuedAt || (lesson.queuedAt = new Date().toISOString())}));
    } catch (error) { /* storage full or forbidden: the lesson still waits in this page */ }
  }

  function forget(lesson) {
    lesson.queuedAt = "";
    try { localStorage.removeItem(STORE + lesson.info.id); } catch (error) { /* nothing kept */ }
  }

  function restore() {  // lessons typed before the page was closed, not sent yet: shown and sent again
    for (const lesson of lessons.values()) {
      let kept = null;
      try { kept = JSON.parse(localStorage.getItem(STORE + lesson.info.id) || "null"); } catch (error) { kept = null; }
      if (!kept || !editable(lesson)) continue;
      Object.assign(lesson, {current: kept.current, lastTyped: kept.lastTyped,
                             offlineSince: kept.offlineSince || kept.lastTyped, queuedAt: kept.queuedAt});
      if (kept.revision !== lesson.revision) {  // the server moved on meanwhile: merge on the base the page typed on
        lesson.base = kept.base;
        lesson.revision = kept.revision;
      }
      redraw(lesson);
      columnState(lesson, "не отправлено", "pending");
    }
  }

  let retryTimer = null;
  let busyRefusals = 0;  // the gateway's overload refusals in a row (polite_retry.js: each wait longer)
  function retryLater(ms) {
    if (!retryTimer) retryTimer = setTimeout(() => { retryTimer = null; flush(); }, ms || RETRY_MS);
  }

  async function flush() {  // in the order they were first kept
    const waiting = [...lessons.values()].filter((l) => dirty(l) && !l.conflicts.size && !l.saving)
      .sort((a, b) => (a.queuedAt || "").localeCompare(b.queuedAt || ""));
    for (const lesson of waiting) await save(lesson);
  }

  // ---- what the page says
  function columnState(lesson, text, state) {
    if (lesson.status) { lesson.status.textContent = text; lesson.status.className = "column-status " + state; }
    if (state === "saving" || state === "pending") {  // the cells not sent yet
      for (const [key, input] of lesson.inputs) {
        if (dirtyKey(lesson, key) && !input.classList.contains("refused") && !input.classList.contains("conflict")) {
          mark(input, state, state === "pending" ? "не отправлено" : "");
        }
      }
    }
    summary();
  }

  function summary() {
    const all = [...lessons.values()];
    const waiting = all.filter((l) => dirty(l) && l.offlineSince && !l.conflicts.size && !l.refusal).length;
    const conflicts = all.reduce((n, l) => n + l.conflicts.size, 0);
    const refusedCells = table.querySelectorAll("input.refused").length;
    if (!navigator.onLine || waiting) {
      say("Нет связи с сервером. Не отправлено изменений уроков: " + waiting + ". Они хранятся в браузере и " +
          "уйдут сами, когда связь вернётся.", "offline");
    } else if (conflicts) {
      say("Урок изменил другой пользователь: расхождений — " + conflicts + ". Решите каждое ниже.", "conflict");
    } else if (refusedCells || all.some((l) => l.refusal)) {
      say("Не сохранено: " + (all.find((l) => l.refusal) || {refusal: "ячеек с ошибкой — " + refusedCells +
          ", причина в подсказке ячейки"}).refusal, "refused");
    } else if (all.some((l) => l.saving || l.timer || dirty(l))) {
      say("Сохраняется…", "saving");
    } else {
      say("Все изменения сохранены", "saved");
    }
  }

  function say(text, state) {
    statusLine.textContent = text;
    statusLine.className = "sync-status " + (state || "");
  }

  window.addEventListener("online", () => { summary(); flush(); });
  window.addEventListener("offline", summary);
  window.addEventListener("beforeunload", (event) => {
    if ([...lessons.values()].some((l) => l.saving)) { event.preventDefault(); event.returnValue = ""; }
  });
  reasonInput.addEventListener("input", () => { reasonInput.classList.remove("needed"); retryLater(); });

  build();
  restore();
  summary();
  flush();
  window.otmetkaGrid = {parse, format, lessons};  // for the browser tests
}());
