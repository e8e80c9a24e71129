namespace PreventionPrize.Core.Jury;

/// <summary>The lists behind <see cref="EmailDomains"/>, as ASCII (punycode) lower case.</summary>
internal static class MailDomainLists
{
    /// <summary>Public webmail and ISP mailboxes: anyone can have one, so sharing one says nothing.</summary>
    public static readonly HashSet<string> Webmail =
    [
        "gmail.com", "googlemail.com", "msn.com", "icloud.com", "me.com", "mac.com", "aim.com",
        "ymail.com", "rocketmail.com", "windowslive.com", "mail.com", "email.com", "zoho.com", "fastmail.com",
        "fastmail.fm", "hushmail.com", "proton.me", "pm.me", "protonmail.com", "protonmail.ch", "tutanota.com",
        "tutanota.de", "tuta.io", "tuta.com", "mailbox.org", "posteo.de", "posteo.net",
        "web.de", "t-online.de", "freenet.de", "arcor.de", "online.de", "1und1.de", "vodafone.de",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr", "neuf.fr", "club-internet.fr", "bbox.fr",
        "numericable.fr", "aliceadsl.fr", "libero.it", "virgilio.it", "alice.it", "tim.it", "tin.it", "tiscali.it",
        "fastwebnet.it", "inwind.it", "iol.it", "telefonica.net", "movistar.es", "terra.es", "ya.com",
        "sapo.pt", "netcabo.pt", "clix.pt", "bluewin.ch", "hispeed.ch", "sunrise.ch", "swissonline.ch",
        "telenet.be", "skynet.be", "proximus.be", "scarlet.be", "ziggo.nl", "kpnmail.nl", "planet.nl",
        "home.nl", "hetnet.nl", "chello.nl", "xs4all.nl", "casema.nl", "btinternet.com", "sky.com",
        "virginmedia.com", "ntlworld.com", "talktalk.net", "blueyonder.co.uk", "tiscali.co.uk", "eircom.net",
        "chello.at", "aon.at", "a1.net", "telia.com", "online.no", "kolumbus.fi", "luukku.com", "suomi24.fi",
        "mail.dk", "jubii.dk", "wp.pl", "o2.pl", "onet.pl", "op.pl", "onet.eu", "interia.pl", "interia.eu",
        "poczta.fm", "gazeta.pl", "tlen.pl", "seznam.cz", "email.cz", "centrum.cz", "atlas.cz", "post.cz",
        "volny.cz", "azet.sk", "centrum.sk", "pobox.sk", "zoznam.sk", "freemail.hu", "citromail.hu",
        "abv.bg", "mail.bg", "dir.bg", "inbox.lv", "inbox.lt", "mail.ee", "hot.ee", "siol.net", "t-com.hr",
        "net.hr", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "rambler.ru", "ya.ru", "ukr.net",
        "i.ua", "meta.ua", "mynet.com", "superonline.com", "ttmail.com", "in.gr", "otenet.gr", "cytanet.com.cy",
    ];

    /// <summary>Brands present under many country endings: hotmail.fr, yahoo.co.uk, gmx.at, yandex.ru …</summary>
    public static readonly HashSet<string> WebmailBrands =
    [
        "hotmail", "outlook", "live", "yahoo", "gmx", "yandex", "aol", "gmail",
    ];

    /// <summary>
    /// Endings under which each name is a different organisation. A hand-kept subset of the Public Suffix
    /// List for the countries entries come from, plus shared hosts of many bodies (europa.eu, admin.ch,
    /// bund.de) where the agency, not the host, is the organisation.
    /// </summary>
    public static readonly HashSet<string> SecondLevel =
    [
        "co.uk", "ac.uk", "gov.uk", "org.uk", "me.uk", "ltd.uk", "plc.uk", "net.uk", "sch.uk", "nhs.uk",
        "police.uk", "gouv.fr", "asso.fr", "nom.fr", "com.fr", "tm.fr", "co.at", "ac.at", "gv.at", "or.at",
        "com.tr", "org.tr", "edu.tr", "gov.tr", "gen.tr", "bel.tr", "k12.tr", "net.tr", "av.tr",
        "com.pl", "org.pl", "net.pl", "edu.pl", "gov.pl", "com.cy", "org.cy", "ac.cy", "gov.cy", "net.cy",
        "com.gr", "org.gr", "edu.gr", "gov.gr", "com.mt", "org.mt", "edu.mt", "gov.mt",
        "com.pt", "org.pt", "gov.pt", "edu.pt", "com.es", "org.es", "gob.es", "edu.es", "nom.es",
        "com.ro", "org.ro", "co.hu", "org.hu", "gov.it", "gov.ie", "kommune.no", "priv.no",
        "com.ua", "org.ua", "gov.ua", "edu.ua", "in.ua", "com.ru", "org.ru", "com.ee", "org.ee", "edu.ee",
        "com.lv", "org.lv", "edu.lv", "gov.lv", "gov.lt", "com.hr", "from.hr", "co.rs", "org.rs", "edu.rs",
        "ac.rs", "gov.rs", "in.rs", "com.mk", "org.mk", "edu.mk", "gov.mk", "com.al", "org.al", "edu.al",
        "gov.al", "com.ba", "org.ba", "edu.ba", "gov.ba", "co.me", "org.me", "edu.me", "gov.me", "ac.me",
        "com.ge", "org.ge", "edu.ge", "gov.ge", "com.am", "org.am", "com.az", "org.az", "edu.az", "gov.az",
        "com.md", "org.md", "co.il", "org.il", "ac.il", "gov.il", "co.ma", "ac.ma", "gov.ma", "com.tn",
        "com.lb", "org.lb", "edu.lb", "gov.lb", "europa.eu", "admin.ch", "bund.de",
    ];
}
