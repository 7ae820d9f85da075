// Selaras: small helps for pages that work without script too.
// 1. "Mirip di daerah lain": opening the details of a Pasal loads its similar clauses into it
//    (the same list /peraturan/{id}/mirip shows as a page, asked for with header X-Fragment).
// 2. Buttons marked data-cetak print the page.
// 3. An API key typed in a field marked data-kunci is kept for this tab (sessionStorage, gone when
//    the tab closes) and filled into the key fields of the next pages, so that a drafter types it once.
// 4. The page of an upload's background job (data-tugas: its /api/v1/jobs/{id}) shows the pages
//    read as they are read, and reloads when the job has ended (the server then sends the reader
//    to the new regulation, or says why it failed). Without script a meta refresh reloads it.
"use strict";

const KEY = "selaras-kunci";

document.addEventListener("toggle", async (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.src || details.dataset.loaded) {
    return;
  }
  const box = details.querySelector("[data-isi]");
  details.dataset.loaded = "1";
  box.setAttribute("aria-busy", "true");
  box.setAttribute("aria-live", "polite");
  const link = box.innerHTML;
  box.textContent = "";
  try {
    const response = await fetch(details.dataset.src, { headers: { "X-Fragment": "1" } });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    box.innerHTML = await response.text();
  } catch (error) {
    box.innerHTML = "<p>Klausul serupa tidak dapat dimuat di sini; buka lewat tautan ini:</p>" + link;
  } finally {
    box.removeAttribute("aria-busy");
  }
}, true);

document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-cetak]")) {
    window.print();
  }
});


function keptKey() {
  try {
    return sessionStorage.getItem(KEY) || "";
  } catch (error) {
    return "";  // storage refused (a private window): the key is typed each time
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const kept = keptKey();
  for (const field of document.querySelectorAll("input[data-kunci]")) {
    if (kept && !field.value) {
      field.value = kept;
    }
  }
});

document.addEventListener("submit", (event) => {
  const field = Array.from(event.target.elements || []).find((element) => element.matches("input[data-kunci]"));
  if (field && field.value.trim()) {
    try {
      sessionStorage.setItem(KEY, field.value.trim());
    } catch (error) {
      // not kept: typed again on the next page
    }
  }
});

async function follow(box) {
  const progress = box.querySelector("progress");
  const state = box.querySelector("[data-keadaan]");
  const pause = Number(box.dataset.jeda || 3) * 1000;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, pause));
    let job;
    try {
      const response = await fetch(box.dataset.tugas, { headers: { Accept: "application/json" } });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      job = await response.json();
    } catch (error) {
      state.textContent = "Kemajuan tidak dapat dibaca saat ini; dicoba lagi.";
      continue;
    }
    if (job.status === "done" || job.status === "failed") {
      window.location.reload();
      return;
    }
    progress.max = Math.max(job.pages_total, 1);
    progress.value = job.pages_done;
    progress.textContent = `${job.pages_done} dari ${job.pages_total}`;
    state.textContent = job.status === "queued" ? "Menunggu giliran: berkas lain sedang dibaca."
      : `Halaman ${job.pages_done} dari ${job.pages_total} sudah dibaca.`;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector("[data-tugas]");
  if (box) {
    follow(box);
  }
});
