using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace PreventionPrize.Web.Features.Gallery;

/// <summary>The public, anonymous gallery of winners: pages for people, a feed and open data for machines.</summary>
public sealed class GalleryController(IMediator mediator) : Controller
{
    [HttpGet("winners")]
    [OutputCache(PolicyName = GalleryCache.Policy)]
    public async Task<IActionResult> Index([FromQuery] ListWinners.Query query, CancellationToken ct) => View("ListWinners", await mediator.Send(query, ct));

    /// <summary>docs/open-data.md, embedded at build time: the fields and the licence, as plain text.</summary>
    [HttpGet("winners/open-data")]
    public IActionResult OpenData() =>
        File(typeof(GalleryController).Assembly.GetManifestResourceStream("open-data.md")!, "text/plain; charset=utf-8");

    [HttpGet("winners/{reference}")]
    [OutputCache(PolicyName = GalleryCache.Policy)]
    public async Task<IActionResult> Show(string reference, CancellationToken ct) => View("ShowWinner", await mediator.Send(new ShowWinner.Query(reference), ct));

    [HttpGet("winners.atom")]
    [OutputCache(PolicyName = GalleryCache.Policy)]
    public async Task<IActionResult> Feed(CancellationToken ct) => File(await mediator.Send(new WinnersFeed.Query(), ct), "application/atom+xml; charset=utf-8");

    [HttpGet("winners.json")]
    [OutputCache(PolicyName = GalleryCache.Policy)]
    public async Task<IActionResult> Json(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(await mediator.Send(new WinnersOpenData.Query(), ct), WinnersOpenData.Json)), "application/json; charset=utf-8");

    [HttpGet("winners.csv")]
    [OutputCache(PolicyName = GalleryCache.Policy)]
    public async Task<IActionResult> Csv(CancellationToken ct) =>
        File(WinnersOpenData.Csv(await mediator.Send(new WinnersOpenData.Query(), ct)), "text/csv; charset=utf-8", "winners.csv");
}
