/// The console's style sheet and script, served from `/console/assets/` (no CDN: the console works offline).
enum ConsoleAssets {
    /// `console.css`.
    static let style = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: #1b1f23; background: #f5f6f8; }
        header.top { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 8px 16px; background: #0b3d63; color: #fff; }
        header.top a { color: #dbeafe; text-decoration: none; }
        header.top a.active { font-weight: 700; color: #fff; text-decoration: underline; }
        header.top nav { display: flex; gap: 12px; flex: 1; }
        .brand { font-weight: 700; }
        main { max-width: 1100px; margin: 0 auto; padding: 16px; }
        .card { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 12px 16px; margin: 12px 0; }
        form.inline { display: inline; }
        form label { display: block; margin-top: 8px; }
        form.filters label { display: inline-block; margin-right: 8px; }
        input[type=text], input[type=password], select, textarea { font: inherit; padding: 4px 6px; min-width: 220px; }
        textarea { width: 100%; }
        button { font: inherit; margin-top: 8px; padding: 4px 12px; cursor: pointer; }
        table.list { border-collapse: collapse; width: 100%; background: #fff; }
        table.list th, table.list td { border-bottom: 1px solid #e3e6ea; padding: 4px 8px; text-align: left; vertical-align: top; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .error { color: #9b1c1c; background: #fde8e8; border: 1px solid #f5b5b5; padding: 6px 10px; border-radius: 4px; }
        .notice { color: #03543f; background: #def7ec; border: 1px solid #a7e3c7; padding: 6px 10px; border-radius: 4px; }
        .hint { color: #55606d; }
        .intact { color: #03543f; }
        .broken { color: #9b1c1c; font-weight: 700; }
        table.waterfall td { padding: 2px 8px; }
        rect.pos { fill: #1f9d55; }
        rect.neg { fill: #c53030; }
        rect.zero { fill: #a0aec0; }
        progress { width: 320px; height: 16px; }
        .breaker-open { color: #9b1c1c; font-weight: 700; }
        .breaker-halfOpen { color: #b7791f; }

        """

    /// `console.js`: the batch upload (the file is sent as the request body with the CSRF token in a header) and the
    /// progress poll of a batch page. Plain JavaScript, no libraries.
    static let script = """
        'use strict';
        (function () {
          function uploadForm(form) {
            var error = document.getElementById('upload-error');
            function fail(text) { error.textContent = text; error.hidden = false; }
            form.addEventListener('submit', function (event) {
              event.preventDefault();
              error.hidden = true;
              var input = document.getElementById('file');
              if (!input.files || input.files.length === 0) { fail(form.dataset.msgChoose); return; }
              var query = '?notify=' + (document.getElementById('notify').checked ? 'true' : 'false');
              var columns = document.getElementById('columns').value.trim();
              if (columns) { query += '&columns=' + encodeURIComponent(columns); }
              var button = document.getElementById('upload');
              button.disabled = true;
              button.textContent = form.dataset.msgUploading;
              fetch('/console/batches' + query, {
                method: 'POST', credentials: 'same-origin', body: input.files[0],
                headers: { 'X-CSRF-Token': form.dataset.csrf, 'Content-Type': 'text/csv', 'Accept': 'application/json' }
              }).then(function (response) {
                return response.json().then(function (body) { return { ok: response.ok, body: body }; });
              }).then(function (result) {
                if (result.ok && result.body.location) { window.location.assign(result.body.location); return; }
                button.disabled = false;
                button.textContent = button.dataset.label;
                fail(form.dataset.msgFailed + (result.body.message || ''));
              }).catch(function () {
                button.disabled = false;
                button.textContent = button.dataset.label;
                fail(form.dataset.msgFailed);
              });
            });
            var button = document.getElementById('upload');
            button.dataset.label = button.textContent;
          }

          function batchProgress(section) {
            var done = { finished: true, failed: true };
            if (done[section.dataset.status]) { return; }
            function poll() {
              fetch(section.dataset.statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (batch) {
                  if (!batch) { window.setTimeout(poll, 2000); return; }
                  document.getElementById('batch-rows').textContent = String(batch.rowsDone);
                  document.getElementById('batch-total').textContent = batch.rowsTotal == null ? '?' : String(batch.rowsTotal);
                  var bar = document.getElementById('batch-progress');
                  if (batch.rowsTotal) { bar.max = batch.rowsTotal; }
                  bar.value = batch.rowsDone;
                  var label = section.dataset['label' + batch.status.charAt(0).toUpperCase() + batch.status.slice(1)];
                  document.getElementById('batch-status').textContent = label || batch.status;
                  if (done[batch.status]) { window.location.reload(); return; }
                  window.setTimeout(poll, 700);
                })
                .catch(function () { window.setTimeout(poll, 2000); });
            }
            window.setTimeout(poll, 300);
          }

          document.addEventListener('DOMContentLoaded', function () {
            var form = document.getElementById('upload-form');
            if (form) { uploadForm(form); }
            var section = document.getElementById('batch');
            if (section && section.dataset.statusUrl) { batchProgress(section); }
          });
        })();

        """
}
