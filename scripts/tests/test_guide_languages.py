"""The operator's guide in English and 简体中文 stays in step (python3 -m unittest discover -s scripts/tests).

- every page of docs/guide/en has a counterpart in docs/guide/zh-CN and the other way round;
- the FAQs carry the same `<!-- q: KEY -->` markers in the same order and numbering, each with the
  notes' question quoted identically and a non-empty answer in both languages;
- every open question of the original notes (KEYS below) is answered;
- README.md and README.zh-CN.md link to each other;
- every relative link of the guide and README.zh-CN.md leads to a file, and its #anchor to a heading there;
- every `kubeyard <command> [<subcommand>]` the guide and the Chinese README mention exists in the
  picocli @Command annotations of installer-engine/src/main/java/dev/kubeyard/engine/cli/*.java.
"""
import glob
import os
import re
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GUIDE = os.path.join(ROOT, "docs", "guide")
LANGS = ("en", "zh-CN")
CLI = os.path.join(ROOT, "installer-engine", "src", "main", "java", "dev", "kubeyard", "engine", "cli")

# The open questions of the original notes (seed 000_a0ae02f7c6ad9919), in the order they appear there:
# the "问题" lists of the install, SQL Server, GitLab and Python parts, plus the questions asked inline
# (docker completion "???", the Windows pause image "作用是什么？", "使用 DNS 方法怎么发现 port").
KEYS = [
    "chrony-vs-ntp",
    "registry-location",
    "windows-linux-distro",
    "haproxy-keepalived-params",
    "systemd-unit-variables",
    "ingress-ports-many-services",
    "master-unschedulable-and-role",
    "kubectl-cordon",
    "kubeconfig-options",
    "kubelet-cni-config",
    "docker-completion",
    "windows-pause-image",
    "sqlserver-operator",
    "sqlserver-resource",
    "windows-images",
    "sqlserver-windows-or-linux",
    "github-gitlab",
    "gitlab-statefulset",
    "gitlab-redis-postgresql",
    "gitlab-volumes",
    "dns-service-port",
    "python-retry",
]

MARKER = re.compile(r"^<!-- q: ([a-z0-9-]+) -->[ \t]*$", re.M)
HEADING = re.compile(r"^##[ \t]+(\d+)\.", re.M)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def pages(lang):
    d = os.path.join(GUIDE, lang)
    return sorted(os.path.relpath(p, d) for p in glob.glob(os.path.join(d, "**", "*.md"), recursive=True))


def faq_sections(text):
    """[(key, body)] in file order; body runs from the marker to the next marker or a level-1/2 non-question heading."""
    found = list(MARKER.finditer(text))
    out = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        out.append((m.group(1), text[m.end():end]))
    return out


def question_parts(body):
    """(number, quoted question lines, answer text) of one FAQ section."""
    h = HEADING.search(body)
    number = int(h.group(1)) if h else None
    after = body[h.end():] if h else body
    lines = after.split("\n")[1:]  # the rest of the heading line is the question's short title
    quote = [l[1:].strip() for l in lines if l.startswith(">")]
    answer = "\n".join(l for l in lines if not l.startswith(">") and not l.startswith("<!--")).strip()
    return number, quote, answer


def cli_commands():
    """(top-level names, {group name: sub names}) from the @Command annotations and their subcommands lists."""
    name_of_class, subs_of_class = {}, {}
    for path in glob.glob(os.path.join(CLI, "*.java")):
        text = read(path)
        for m in re.finditer(r'@Command\(\s*name\s*=\s*"([^"]+)"', text):
            cls = re.compile(r"\bclass\s+(\w+)").search(text, m.end())
            if not cls:
                continue
            name_of_class[cls.group(1)] = m.group(1)
            head = text[m.start():cls.start()]
            s = re.search(r"subcommands\s*=\s*\{?([^}]*?)\}?\)", head, re.S)
            if s:
                subs_of_class[cls.group(1)] = [c.split(".")[-1] for c in re.findall(r"([\w.]+)\.class", s.group(1))]
    top = [name_of_class[c] for c in subs_of_class.get("Main", []) if c in name_of_class]
    groups = {name_of_class[c]: {name_of_class[s] for s in subs if s in name_of_class}
              for c, subs in subs_of_class.items() if c != "Main" and c in name_of_class}
    return set(top), groups


MENTION = re.compile(r"(?:^|(?<=[\s`(]))(?:\./)?kubeyard[ \t]+([a-z][a-z0-9-]*)(?:[ \t]+([a-z][a-z0-9-]*))?", re.M)


def unknown_commands(text, top, groups):
    bad = []
    for m in MENTION.finditer(text):
        cmd, sub = m.group(1), m.group(2)
        if cmd not in top:
            bad.append("kubeyard " + cmd)
        elif cmd in groups and sub is not None and sub not in groups[cmd]:
            bad.append("kubeyard %s %s" % (cmd, sub))
    return bad


LINK = re.compile(r"\]\(([^)\s]+)\)")


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped (letters of any script kept), spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(path):
    text = re.sub(r"^```.*?^```", "", read(path), flags=re.M | re.S)
    return {slug(m.group(1)) for m in re.finditer(r"^#{1,6}[ \t]+(.+?)[ \t]*$", text, re.M)}


def broken_links(path):
    bad = []
    for m in LINK.finditer(read(path)):
        target = m.group(1)
        if re.match(r"[a-z]+:", target):
            continue
        file, _, anchor = target.partition("#")
        dest = os.path.normpath(os.path.join(os.path.dirname(path), file)) if file else path
        if not os.path.exists(dest):
            bad.append(target)
        elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
            bad.append(target)
    return bad


class GuideLanguagesTest(unittest.TestCase):
    def test_every_page_has_a_counterpart(self):
        en, zh = pages("en"), pages("zh-CN")
        self.assertTrue(en, "docs/guide/en has no pages")
        self.assertEqual(set(en) - set(zh), set(), "English pages without a 简体中文 counterpart")
        self.assertEqual(set(zh) - set(en), set(), "简体中文 pages without an English counterpart")

    def test_pages_have_the_same_number_of_sections(self):
        for page in pages("en"):
            counts = []
            for lang in LANGS:
                p = os.path.join(GUIDE, lang, page)
                if os.path.exists(p):
                    counts.append(len(re.findall(r"^##[ \t]", read(p), re.M)))
            if len(counts) == 2:
                self.assertEqual(counts[0], counts[1], "%s: level-2 headings en %d, zh-CN %d" % (page, *counts))

    def test_faq_questions_pair_up(self):
        sections = {lang: faq_sections(read(os.path.join(GUIDE, lang, "faq.md"))) for lang in LANGS}
        keys = {lang: [k for k, _ in s] for lang, s in sections.items()}
        self.assertEqual(keys["en"], keys["zh-CN"], "the FAQs' question markers differ (order or keys)")
        self.assertEqual(len(keys["en"]), len(set(keys["en"])), "a question marker is repeated")
        quotes = {}
        for lang, secs in sections.items():
            for i, (key, body) in enumerate(secs, start=1):
                number, quote, answer = question_parts(body)
                self.assertEqual(number, i, "%s faq.md: question %s should be numbered %d" % (lang, key, i))
                self.assertTrue(quote, "%s faq.md: question %s does not quote the notes (a '>' line)" % (lang, key))
                self.assertGreater(len(answer), 80, "%s faq.md: question %s has no real answer" % (lang, key))
                quotes.setdefault(key, {})[lang] = quote[0]
        for key, q in quotes.items():
            self.assertEqual(q["en"], q["zh-CN"], "question %s: the notes' wording is quoted differently" % key)
            self.assertRegex(q["en"], r"[\u4e00-\u9fff]", "question %s: quote the notes in Chinese" % key)

    def test_every_open_question_of_the_notes_is_answered(self):
        for lang in LANGS:
            found = [k for k, _ in faq_sections(read(os.path.join(GUIDE, lang, "faq.md")))]
            missing = [k for k in KEYS if k not in found]
            self.assertEqual(missing, [], "%s faq.md does not answer %s" % (lang, missing))

    def test_readmes_link_to_each_other(self):
        en, zh = read(os.path.join(ROOT, "README.md")), read(os.path.join(ROOT, "README.zh-CN.md"))
        self.assertRegex(en, r"\]\((?:\./)?README\.zh-CN\.md\)", "README.md does not link to README.zh-CN.md")
        self.assertRegex(zh, r"\]\((?:\./)?README\.md(?:#[^)]*)?\)", "README.zh-CN.md does not link to README.md")

    def test_the_command_reader_finds_the_cli(self):
        top, groups = cli_commands()
        for name in ("init", "validate", "plan", "apply", "status", "reset", "hosts", "bundle", "es", "python-service"):
            self.assertIn(name, top)
        self.assertIn("verify", groups["bundle"])
        self.assertIn("rollback", groups["es"])
        self.assertEqual(unknown_commands("run `kubeyard frobnicate` then ./kubeyard es explode", top, groups),
                         ["kubeyard frobnicate", "kubeyard es explode"])
        self.assertEqual(unknown_commands("Kubeyard renders; /var/lib/kubeyard/lab; kubeyard-plan", top, groups), [])

    def test_the_link_checker_finds_broken_links(self):
        with tempfile.TemporaryDirectory() as d:
            page = os.path.join(d, "a.md")
            with open(page, "w", encoding="utf-8") as f:
                f.write("## 3. 信任它的主机密钥\n[ok](#3-信任它的主机密钥) [gone](b.md) [anchor](#nowhere) [web](https://x.org)\n")
            self.assertEqual(broken_links(page), ["b.md", "#nowhere"])

    def test_links_lead_somewhere(self):
        files = [os.path.join(GUIDE, lang, p) for lang in LANGS for p in pages(lang)]
        files.append(os.path.join(ROOT, "README.zh-CN.md"))
        for path in files:
            self.assertEqual(broken_links(path), [], "%s has links to nothing" % os.path.relpath(path, ROOT))

    def test_every_command_mentioned_exists(self):
        top, groups = cli_commands()
        files = [os.path.join(GUIDE, lang, p) for lang in LANGS for p in pages(lang)]
        files.append(os.path.join(ROOT, "README.zh-CN.md"))
        for path in files:
            bad = unknown_commands(read(path), top, groups)
            self.assertEqual(bad, [], "%s mentions commands the CLI does not have" % os.path.relpath(path, ROOT))


if __name__ == "__main__":
    unittest.main()
