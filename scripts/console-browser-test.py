#!/usr/bin/env python3
"""Drives the operator console in headless Chromium (selenium + chromedriver).

Run by Tests/ConsoleBrowserTests against a gateway on 127.0.0.1 with in-process mock registries. Steps: log in
(an empty key is refused with a visible message), open the seeded review, try to resolve without a comment (visible
message), resolve it, upload a CSV (no file chosen: visible message) and watch it finish, switch to Kazakh and back,
look at lookup, health and audit, log out. Every page's browser console log must be free of errors. Screenshots go
to --artifacts. Prints one JSON object per step; exit status 0 only when every step passed.
"""
import argparse
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    parser.add_argument("--operator-key", required=True)
    parser.add_argument("--review", required=True)
    parser.add_argument("--csv", required=True)
    parser.add_argument("--artifacts", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = parser.parse_args()
    os.makedirs(args.artifacts, exist_ok=True)

    options = webdriver.ChromeOptions()
    options.binary_location = args.chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1100",
                 "--no-first-run", "--disable-extensions", "--lang=ru"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
    driver.set_page_load_timeout(30)
    wait = WebDriverWait(driver, 20)
    errors = []
    shot = [0]

    def step(name, **details):
        print(json.dumps({"step": name, **details}, ensure_ascii=False), flush=True)

    def screenshot(name):
        shot[0] += 1
        path = os.path.join(args.artifacts, "%02d-%s.png" % (shot[0], name))
        driver.save_screenshot(path)
        return path

    # Refusals the steps provoke on purpose (a form with bad input answers 400/403/422 with its message); Chromium logs
    # each as a network error. Anything else at SEVERE — a script error, a 404 asset, a CSP violation, a 500 — fails.
    intended = ("status of 400", "status of 401", "status of 403", "status of 409", "status of 422")

    def check_console(page):
        for entry in driver.get_log("browser"):
            if entry.get("level") not in ("SEVERE", "ERROR"):
                continue
            message = entry.get("message", "")
            if entry.get("source") == "network" and any(code in message for code in intended):
                continue
            errors.append({"page": page, "source": entry.get("source"), "message": message})

    def visible_text(element_id):
        element = wait.until(EC.visibility_of_element_located((By.ID, element_id)))
        return element.text

    def expect(condition, message):
        if not condition:
            raise AssertionError(message)

    try:
        # 1. Login: redirected to the form; an empty key is refused visibly; the operator key works.
        driver.get(args.base + "/console/reviews")
        wait.until(EC.presence_of_element_located((By.ID, "login-form")))
        expect("/console/login" in driver.current_url, "not redirected to login: " + driver.current_url)
        screenshot("login")
        driver.find_element(By.ID, "login").click()
        expect(visible_text("error") != "", "empty key: no visible message")
        screenshot("login-empty-key")
        check_console("login")
        driver.find_element(By.ID, "key").send_keys(args.operator_key)
        driver.find_element(By.ID, "login").click()
        wait.until(EC.presence_of_element_located((By.ID, "review-list")))
        expect("/console/reviews" in driver.current_url, "after login: " + driver.current_url)
        screenshot("review-queue")
        check_console("reviews")
        step("login", url=driver.current_url)

        # 2. Resolve the review: without a comment refused visibly, then with one.
        driver.find_element(By.CSS_SELECTOR, "a[href='/console/reviews/%s']" % args.review).click()
        wait.until(EC.presence_of_element_located((By.ID, "resolve-form")))
        expect(driver.find_element(By.ID, "waterfall-total").text != "", "no waterfall total")
        screenshot("decision")
        check_console("decision")
        driver.find_element(By.ID, "resolve").click()
        expect(visible_text("error") != "", "empty comment: no visible message")
        screenshot("resolve-without-comment")
        Select(driver.find_element(By.ID, "resolution")).select_by_value("MATCH")
        driver.find_element(By.ID, "comment").send_keys("Документы сверены оператором")
        driver.find_element(By.ID, "resolve").click()
        expect(visible_text("resolution-value") == "MATCH", "resolution not shown")
        expect(visible_text("notice") != "", "no confirmation")
        screenshot("resolved")
        check_console("resolved")
        step("resolve", review=args.review)

        # 3. Batch: no file refused visibly; upload; live progress until finished; links appear.
        driver.find_element(By.ID, "nav-batches").click()
        wait.until(EC.presence_of_element_located((By.ID, "upload-form")))
        driver.find_element(By.ID, "upload").click()
        expect(visible_text("upload-error") != "", "no file: no visible message")
        screenshot("upload-without-file")
        driver.find_element(By.ID, "file").send_keys(os.path.abspath(args.csv))
        driver.find_element(By.ID, "upload").click()
        wait.until(EC.url_contains("/console/batches/bat_"))
        wait.until(EC.presence_of_element_located((By.ID, "batch-progress")))
        screenshot("batch-progress")
        WebDriverWait(driver, 60).until(EC.visibility_of_element_located((By.ID, "download-results")))
        rows = driver.find_element(By.ID, "batch-rows").text
        expect(int(rows) > 0, "no rows done: " + rows)
        status = driver.find_element(By.ID, "batch-status").text
        download = driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "fetch(document.getElementById('download-results').href, {credentials: 'same-origin'})"
            ".then(function (r) { return r.text().then(function (t) { done([r.status, t.split('\\n').length]); }); })"
            ".catch(function (e) { done([0, String(e)]); });")
        expect(download[0] == 200 and download[1] > 24, "results download: %r" % (download,))
        screenshot("batch-finished")
        check_console("batch")
        step("batch", url=driver.current_url, rows=rows, status=status, resultLines=download[1])

        # 4. Language: Kazakh, then back to Russian.
        driver.find_element(By.ID, "lang-kk").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "kk")
        expect(driver.find_element(By.ID, "nav-reviews").text == "Тексеру кезегі", "nav not in Kazakh")
        expect("/console/batches/bat_" in driver.current_url, "language switch left the page: " + driver.current_url)
        screenshot("batch-kazakh")
        driver.find_element(By.ID, "nav-reviews").click()
        wait.until(EC.presence_of_element_located((By.ID, "review-filters")))
        screenshot("reviews-kazakh")
        check_console("kazakh")
        driver.find_element(By.ID, "lang-ru").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ru")
        expect(driver.find_element(By.ID, "nav-reviews").text == "Очередь проверки", "nav not back in Russian")
        step("language")

        # 5. Filters: a bad date is refused visibly.
        driver.find_element(By.ID, "filter-from").send_keys("31.12.2026")
        driver.find_element(By.ID, "filter-apply").click()
        expect(visible_text("error") != "", "bad date: no visible message")
        screenshot("filter-bad-date")
        check_console("filters")

        # 6. Lookup (bad IIN refused visibly), health, audit.
        driver.find_element(By.ID, "nav-lookup").click()
        wait.until(EC.presence_of_element_located((By.ID, "lookup-form")))
        driver.find_element(By.ID, "iin").send_keys("123456789012")
        driver.find_element(By.ID, "verify").click()
        expect(visible_text("error") != "", "bad IIN: no visible message")
        screenshot("lookup-bad-iin")
        check_console("lookup")
        driver.find_element(By.ID, "nav-health").click()
        wait.until(EC.presence_of_element_located((By.ID, "health")))
        expect(len(driver.find_elements(By.CSS_SELECTOR, "tr.registry")) > 0, "no registry rows")
        screenshot("health")
        check_console("health")
        driver.find_element(By.ID, "nav-reverification").click()
        wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#reverify-runs, #no-runs, #reverify-off")))
        expect(len(driver.find_elements(By.ID, "reverify-off")) == 0, "re-verification page says the store keeps no runs")
        screenshot("reverification")
        check_console("reverification")
        driver.find_element(By.ID, "nav-audit").click()
        wait.until(EC.presence_of_element_located((By.ID, "audit-form")))
        driver.find_element(By.ID, "audit-subject").send_keys(args.review)
        driver.find_element(By.ID, "audit-search").click()
        wait.until(EC.presence_of_element_located((By.ID, "audit-entries")))
        expect("review.resolved" in driver.find_element(By.ID, "audit-entries").text, "resolution not in the audit log")
        expect(driver.find_element(By.ID, "chain-status").get_attribute("class") == "intact", "chain not intact")
        screenshot("audit")
        check_console("audit")
        step("pages")

        # 7. Logout.
        driver.find_element(By.ID, "logout").click()
        wait.until(EC.presence_of_element_located((By.ID, "login-form")))
        screenshot("logged-out")
        check_console("logout")
        step("logout")
    except Exception as error:  # report, keep a screenshot of where it stopped
        path = screenshot("failure")
        print(json.dumps({"failure": repr(error), "url": driver.current_url, "screenshot": path}, ensure_ascii=False), flush=True)
        driver.quit()
        return 1
    driver.quit()
    if errors:
        print(json.dumps({"failure": "browser console errors", "errors": errors}, ensure_ascii=False), flush=True)
        return 1
    print(json.dumps({"ok": True, "screenshots": shot[0]}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
