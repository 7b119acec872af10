extension ConsoleTemplates {
    /// Partial: document head, navigation, language switch, user and logout, the page's error or notice.
    static let header = """
        <!doctype html>
        <html lang="{{lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Qorgan</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/console/assets/console.css">
        <script src="/console/assets/console.js" defer></script>
        </head>
        <body>
        <header class="top">
        <a class="brand" href="/console/reviews">Qorgan · {{t.console}}</a>
        {{#user}}
        <nav>
        <a id="nav-reviews" href="/console/reviews">{{t.navReviews}}</a>
        <a id="nav-batches" href="/console/batches">{{t.navBatches}}</a>
        <a id="nav-lookup" href="/console/lookup">{{t.navLookup}}</a>
        <a id="nav-reverification" href="/console/reverification">{{t.navReverify}}</a>
        <a id="nav-health" href="/console/health">{{t.navHealth}}</a>
        <a id="nav-audit" href="/console/audit">{{t.navAudit}}</a>
        </nav>
        {{/user}}
        <span class="languages">
        <a id="lang-ru" class="{{#langRu}}active{{/langRu}}" href="/console/language/ru?next={{next}}">Рус</a>
        <a id="lang-kk" class="{{#langKk}}active{{/langKk}}" href="/console/language/kk?next={{next}}">Қаз</a>
        </span>
        {{#user}}
        <span class="who" id="who">{{name}} · {{roleLabel}}</span>
        <form class="inline" method="post" action="/console/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="logout">{{t.logout}}</button>
        </form>
        {{/user}}
        </header>
        <main>
        <h1>{{title}}</h1>
        {{#error}}<p class="error" id="error" role="alert">{{error}}</p>{{/error}}
        {{#notice}}<p class="notice" id="notice" role="status">{{notice}}</p>{{/notice}}

        """

    /// Partial: closes the page.
    static let footer = """
        </main>
        </body>
        </html>

        """
}
