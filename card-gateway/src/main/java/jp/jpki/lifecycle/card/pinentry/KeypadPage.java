package jp.jpki.lifecycle.card.pinentry;

import jp.jpki.lifecycle.api.pair.CertificateKind;

/** The keypad's HTML: no script, no external resource, nothing a PIN could be echoed into. */
final class KeypadPage {

    private static final String STYLE = "body{font-family:sans-serif;font-size:1.4rem;margin:2rem}"
            + "input[type=password]{font-size:2rem;width:14ch}.problem{color:#b00020}fieldset{margin:1rem 0}"
            + "button{font-size:1.4rem;margin-right:1rem}";

    private KeypadPage() {
    }

    static String request(String terminalId, KeypadRequest request, String problem, PinTypist typist) {
        boolean auth = request.kind() == CertificateKind.AUTH;
        String title = auth ? "利用者証明用電子証明書の暗証番号 (AUTH PIN: 4 digits)"
                : "署名用電子証明書の暗証番号 (SIGN PIN: 6-16 letters A-Z and digits, at least one of each)";
        String input = "type=\"password\" maxlength=\"16\" required autocomplete=\"off\" inputmode=\""
                + (auth ? "numeric" : "text") + "\" autocapitalize=\"characters\"";
        StringBuilder form = new StringBuilder()
                .append("<h1>").append(escape(title)).append("</h1>")
                .append("<p>").append(request.choosing() ? "Choose a new PIN and type it twice." : "Type the PIN.").append("</p>");
        if (problem != null) {
            form.append("<p class=\"problem\">").append(escape(problem)).append("</p>");
        }
        form.append("<form method=\"post\" action=\"/pin\" autocomplete=\"off\">")
                .append("<input type=\"hidden\" name=\"nonce\" value=\"").append(request.nonce()).append("\">")
                .append("<p><label>PIN <input name=\"pin\" autofocus ").append(input).append("></label></p>");
        if (request.choosing()) {
            form.append("<p><label>PIN again <input name=\"confirm\" ").append(input).append("></label></p>");
        }
        form.append("<fieldset><legend>Who types</legend>");
        for (PinTypist who : PinTypist.values()) {
            form.append("<label><input type=\"radio\" name=\"typist\" value=\"")
                    .append(who == PinTypist.RESIDENT ? "resident" : "clerk-sealed-form").append('"')
                    .append(who == typist ? " checked" : "").append("> ").append(escape(capitalised(who.label()))).append("</label><br>");
        }
        form.append("</fieldset><button name=\"action\" value=\"submit\">OK</button>")
                .append("<button name=\"action\" value=\"cancel\" formnovalidate>Cancel</button></form>");
        return html(terminalId, "", form.toString());
    }

    static String idle(String terminalId) {
        return html(terminalId, "<meta http-equiv=\"refresh\" content=\"2\">",
                "<p>No PIN is requested at terminal " + escape(terminalId) + " right now.</p>");
    }

    static String message(String terminalId, String text) {
        return html(terminalId, "<meta http-equiv=\"refresh\" content=\"3;url=/\">",
                "<p>" + escape(text) + "</p><p><a href=\"/\">Back to the keypad</a></p>");
    }

    private static String html(String terminalId, String head, String body) {
        return "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>PIN — " + escape(terminalId)
                + "</title>" + head + "<style>" + STYLE + "</style></head><body>" + body + "</body></html>";
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
