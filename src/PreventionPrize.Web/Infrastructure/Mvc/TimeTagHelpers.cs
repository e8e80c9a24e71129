using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Infrastructure.Localization;

namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary><c>&lt;instant utc="..."/&gt;</c>: a UTC instant in Strasbourg time, in the reader's culture, with the zone named.</summary>
[HtmlTargetElement("instant", TagStructure = TagStructure.WithoutEndTag)]
public sealed class InstantTagHelper : TagHelper
{
    public DateTime Utc { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", DateTime.SpecifyKind(Utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        output.Content.SetContent(Strasbourg.Format(Utc, Cultures.DateCulture));
    }
}

/// <summary>
/// <c>&lt;countdown until="..."/&gt;</c>: the time left, rendered on the server (so it reads without script)
/// and kept current by wwwroot/js/site.js.
/// </summary>
[HtmlTargetElement("countdown", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CountdownTagHelper(TimeProvider clock, IStringLocalizer<SharedResource> l) : TagHelper
{
    public DateTime Until { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "countdown");
        output.Attributes.SetAttribute("data-until", DateTime.SpecifyKind(Until, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        output.Content.SetContent(Describe(Until - clock.GetUtcNow().UtcDateTime));
    }

    private string Describe(TimeSpan left) => left switch
    {
        { TotalMinutes: <= 0 } => l["Countdown.Over"],
        { TotalDays: >= 2 } => l["Countdown.Days", (int)left.TotalDays],
        { TotalHours: >= 2 } => l["Countdown.Hours", (int)left.TotalHours],
        _ => l["Countdown.Minutes", Math.Max(1, (int)left.TotalMinutes)],
    };
}
