// A learner's journey through the course in Firefox ESR, driven over WebDriver BiDi by puppeteer-core.
//
//   node tests/firefox/journey.mjs START_URL JOURNEY_JSON
//
// START_URL is the course's home page: the served site (http://...) or the offline copy opened from disk
// (file:///.../index.html). JOURNEY_JSON says where to go and what to do there; the test that runs this script
// derives it from the course's own files (tests/test_firefox.py):
//   {"module": {"title", "url"}, "progressUrl", "finalUrl", "certificateUrl",
//    "right": {question id: [values of its right options]}, "name", "note", "searchWord"}
// Every URL is absolute. The script does the browsing and judges nothing: it prints one JSON object of what it
// saw at each step (and the error of any step that could not be done) for the test to check.
//
// Firefox is Debian's firefox-esr (FIREFOX overrides the path). Puppeteer's profile turns
// security.fileuri.strict_origin_policy off; a learner's Firefox has it on, so it is set back here, or a journey
// from disk would prove nothing.

import fs from 'node:fs';
import path from 'node:path';
import puppeteer from 'puppeteer-core';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const LEARNER_PREFS = {'security.fileuri.strict_origin_policy': true};
const WAIT = 15000;

const [startUrl, journeyJson] = process.argv.slice(2);
if (!startUrl || !journeyJson) {
  console.error('usage: node journey.mjs START_URL JOURNEY_JSON');
  process.exit(2);
}
const journey = JSON.parse(journeyJson);

const seen = {steps: {}, errors: [], firefox: null, prefs: {}};

const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX,
  headless: true,
  extraPrefsFirefox: LEARNER_PREFS,
  defaultViewport: {width: 1280, height: 900},
});
try {
  seen.firefox = await browser.version();
  seen.prefs = profilePrefs(browser, Object.keys(LEARNER_PREFS));
  // A page of its own: the tab Firefox starts with never has the focus in headless mode, so no focus event fires
  // there (and the search box would not open); a new page has it, as a learner's window does.
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', error => seen.errors.push(`page error: ${error.message || error}`));
  page.on('console', message => {
    if (message.type() === 'error') seen.errors.push(`console error: ${message.text()}`);
  });
  await walk(page);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(seen) + '\n');

async function walk(page) {
  await step('home', async saw => {
    await page.goto(startUrl, {waitUntil: 'load'});
    const view = await course(page);
    saw.url = await here(view);
    saw.title = await page.title();
    saw.focused = await page.evaluate(() => document.hasFocus());
  });

  await step('module', async saw => {
    let view = await course(page);
    view = await follow(page, view, 'article a[href]', journey.module.url, '.quiz');
    saw.url = await here(view);
    saw.heading = await view.$eval('article h1', h1 => h1.firstChild.textContent.trim());
    saw.quizzes = 0;
    for (const quiz of await view.$$('.quiz')) {
      for (const input of await quiz.$$('input[data-correct]')) {
        const id = await input.evaluate(element => element.id);
        await (await quiz.$(`label[for="${id}"]`)).click();
      }
      await (await quiz.$('button[type="submit"]')).click();
      await quiz.waitForSelector('.quiz-feedback:not(.hidden)', {visible: true});
      saw.quizzes += 1;
    }
    saw.feedback = await view.$$eval('.quiz .quiz-feedback:not(.hidden)', found => found.length);
    saw.progressLine = await settledText(view, '[data-course-progress-line]', /\d+ of \d+ modules/);
  });

  await step('progress', async saw => {
    const view = await follow(page, await course(page), '.md-nav--primary a[href]', journey.progressUrl,
      '[data-course-progress-summary]');
    saw.url = await here(view);
    saw.summary = await settledText(view, '[data-course-progress-summary]', /completed \d+ of \d+ modules/);
  });

  await step('final', async saw => {
    const view = await follow(page, await course(page), '.md-nav--primary a[href]', journey.finalUrl,
      '[data-question]');
    saw.url = await here(view);
    saw.questions = 0;
    saw.unknown = [];
    for (const question of await view.$$('[data-question]')) {
      // A bank larger than an attempt shows only the questions drawn for this attempt.
      const [id, shown] = await question.evaluate(element => [element.dataset.question,
        !element.hidden && element.getClientRects().length > 0]);
      if (!shown) continue;
      saw.questions += 1;
      const right = journey.right[id];
      if (!right) {
        saw.unknown.push(id);
        continue;
      }
      for (const input of await question.$$('input')) {
        const [value, inputId] = await input.evaluate(element => [element.value, element.id]);
        if (right.includes(value)) await (await question.$(`label[for="${inputId}"]`)).click();
      }
    }
    saw.checked = await view.$$eval('[data-question] input:checked', found => found.length);
    await clickButton(view, 'Submit assessment');
    try {
      await view.waitForSelector('[data-course-result][data-outcome]');
    } finally {
      saw.outcome = await view.$eval('[data-course-result]', element => element.dataset.outcome ?? null);
      saw.result = await text(view, '[data-course-result]');
      saw.unanswered = await text(view, '[data-course-unanswered]').catch(() => null);
    }
  });

  await step('certificate', async saw => {
    const view = await follow(page, await course(page), 'a[href]', journey.certificateUrl,
      '[data-course-certificate]', 'Get your certificate');
    saw.url = await here(view);
    saw.before = await certificateState(view);
    const untyped = [];
    for (const [field, words] of [['#course-learner-name', journey.name], ['textarea[data-field]', journey.note]]) {
      try {
        await view.waitForSelector(field, {visible: true, timeout: 5000});
        await view.type(field, words);
      } catch (error) {
        untyped.push(`could not type into ${field}: ${error.message.split('\n')[0]}`);
      }
    }
    saw.after = await certificateState(view);
    if (untyped.length) throw new Error(untyped.join('; '));
  });

  await step('reload', async saw => {
    await page.reload({waitUntil: 'load'});
    const view = await course(page);
    saw.url = await here(view);
    await view.waitForSelector('[data-course-certificate]');
    await view.waitForFunction(() => !document.querySelector('[data-course-certificate]').hidden
      || !document.querySelector('[data-course-locked]')?.hidden, {timeout: WAIT}).catch(() => null);
    Object.assign(saw, await certificateState(view));
  });

  await step('search', async saw => {
    const view = await course(page);
    saw.url = await here(view);
    if (view !== page) await (await view.$('article p')).click(); // the keys go where the learner last clicked
    await page.keyboard.press('/');
    await view.waitForFunction(() => document.activeElement?.matches('input.md-search__input'));
    await page.keyboard.type(journey.searchWord, {delay: 20});
    try {
      await view.waitForSelector('.md-search-result__item', {visible: true});
    } finally {
      saw.query = await view.$eval('input.md-search__input', input => input.value);
      saw.meta = await text(view, '.md-search-result__meta').catch(() => null);
      saw.results = await view.$$eval('.md-search-result__item a[href]', links => links.map(link => link.href));
    }
  });
}

// Runs one step of the journey, recording what it saw as it went. A step that cannot be done records why (with
// what it had seen by then), and the journey goes on, so that the test sees every step; a later step may then
// fail for the same reason.
async function step(name, action) {
  const start = Date.now();
  const observed = {};
  seen.steps[name] = observed;
  try {
    await action(observed);
  } catch (error) {
    observed.error = String(error && error.message || error).split('\n')[0];
  }
  observed.seconds = (Date.now() - start) / 1000;
}

// Where the course's page is: the tab itself, or, in an offline copy opened from disk, the frame of the copy's
// holder page (course.html), once it shows a page of the course.
async function course(page) {
  const holder = await page.$('#course-frame');
  if (!holder) {
    await page.waitForSelector('article');
    return page;
  }
  const deadline = Date.now() + WAIT;
  while (Date.now() < deadline) {
    const frame = await holder.contentFrame();
    const url = frame ? await frame.evaluate(() => location.href).catch(() => '') : '';
    if (/\.html(#.*)?$/.test(url) && await frame.$('article.md-content__inner').catch(() => null)) return frame;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the holder page shows no page of the course');
}

// Clicks the first visible link under `scope` that leads to `url` (and carries `label`, if given), then waits as
// a learner does: for the address to change (instant navigation changes it with no load event), then for the
// next page's own element. Returns where the next page is.
async function follow(page, view, scope, url, ready, label = null) {
  const links = await view.$$(scope);
  let target = null;
  for (const link of links) {
    const [href, words, shown] = await link.evaluate(element => [
      element.href.split('#')[0], element.textContent.trim(), element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== 'hidden']);
    if (href === url && shown && (!label || words === label)) {
      target = link;
      break;
    }
  }
  if (!target) throw new Error(`no visible link to ${url}${label ? ` named "${label}"` : ''} in ${scope}`);
  await target.click();
  const deadline = Date.now() + WAIT;
  let now = null;
  let next = view;
  while (Date.now() < deadline) {
    next = view === page ? page : await course(page).catch(() => view);
    now = (await here(next).catch(() => null))?.split('#')[0];
    if (now === url) break;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  if (now !== url) throw new Error(`clicked the link to ${url} but the address stayed ${now}`);
  await next.waitForSelector(ready);
  return next;
}

async function here(page) {
  return page.evaluate(() => location.href);
}

async function text(page, selector) {
  return page.$eval(selector, element => element.innerText.trim());
}

// The text of an element the course's script fills in, once it says `pattern` (or whatever it says after a
// while, if it never does).
async function settledText(page, selector, pattern) {
  await page.waitForFunction((selector, source) => new RegExp(source).test(
    document.querySelector(selector)?.innerText || ''), {timeout: 5000}, selector, pattern.source).catch(() => null);
  return text(page, selector);
}

async function clickButton(page, name) {
  const buttons = await page.$$('button');
  for (const button of buttons) {
    if (await button.evaluate(element => element.textContent.trim()) === name) return button.click();
  }
  throw new Error(`no button "${name}"`);
}

async function certificateState(page) {
  return page.evaluate(() => {
    const shown = element => Boolean(element) && !element.hidden && element.getClientRects().length > 0;
    const certificate = document.querySelector('[data-course-certificate]');
    const name = document.querySelector('#course-learner-name');
    const note = document.querySelector('textarea[data-field]');
    return {
      certificateShown: shown(certificate),
      lockedShown: shown(document.querySelector('[data-course-locked]')),
      certificate: certificate ? certificate.innerText.trim() : null,
      nameShown: shown(name),
      name: name ? name.value : null,
      noteShown: shown(note),
      note: note ? note.value : null,
    };
  });
}

// The profile's own record of the preferences this script set (the user.js that Firefox read at start).
function profilePrefs(browser, names) {
  const args = browser.process()?.spawnargs || [];
  const profile = args[args.indexOf('--profile') + 1];
  const written = fs.readFileSync(path.join(profile, 'user.js'), 'utf8');
  return Object.fromEntries(names.map(name => {
    const line = written.split('\n').filter(entry => entry.startsWith(`user_pref(${JSON.stringify(name)},`)).pop();
    return [name, line ? JSON.parse(line.slice(line.indexOf(',') + 1, line.lastIndexOf(')')).trim()) : null];
  }));
}
