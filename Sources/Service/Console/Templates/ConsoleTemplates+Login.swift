extension ConsoleTemplates {
    /// The login form: paste an operator or auditor API key.
    static let login = """
        {{>header}}
        <form method="post" action="/console/login" class="card" id="login-form" novalidate>
        <p>{{t.loginHint}}</p>
        <input type="hidden" name="csrf" value="{{loginToken}}">
        <input type="hidden" name="next" value="{{nextPath}}">
        <label for="key">{{t.apiKey}}</label>
        <input type="password" id="key" name="key" autocomplete="off" spellcheck="false">
        <button type="submit" id="login">{{t.signIn}}</button>
        </form>
        {{>footer}}
        """

    /// A page with only a title and its message (errors, refusals).
    static let message = """
        {{>header}}
        <p><a href="/console/reviews">{{t.navReviews}}</a></p>
        {{>footer}}
        """
}
