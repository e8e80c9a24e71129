using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Outbox;
using PreventionPrize.Web.Infrastructure.Security;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Outbox;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat/outbox")]
public sealed class OutboxController(IMediator mediator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(OutboxState? state, string? search, int page = 1, CancellationToken ct = default) =>
        View(await mediator.Send(new ListOutbox.Query(state, search, page), ct));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, CancellationToken ct) => View(await mediator.Send(new ShowMail.Query(id), ct));

    /// <summary>The mail's HTML part as its own document, for a sandboxed iframe: it can run nothing and reach nothing.</summary>
    [HttpGet("{id:guid}/html")]
    public async Task<IActionResult> Html(Guid id, CancellationToken ct) => Sandboxed((await mediator.Send(new ShowMail.Query(id), ct)).HtmlBody);

    [HttpPost("{id:guid}/{decision:regex(^(retry|cancel|mark-sent|resend)$)}")]
    public async Task<IActionResult> Change(Guid id, string decision, CancellationToken ct)
    {
        var change = decision switch
        {
            "retry" => ChangeMailState.Change.Retry,
            "cancel" => ChangeMailState.Change.Cancel,
            "mark-sent" => ChangeMailState.Change.MarkSent,
            _ => ChangeMailState.Change.Resend,
        };
        await this.TryAsync(() => mediator.Send(new ChangeMailState.Command(id, change), ct).AsTask(), $"Flash.Outbox{change}");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpGet("bulk/new")]
    public IActionResult Compose() => View(new ComposeBulk.Command { BulkId = Guid.NewGuid() });

    [HttpPost("bulk/new")]
    public async Task<IActionResult> Compose(ComposeBulk.Command command, CancellationToken ct)
    {
        var bulkId = await mediator.Send(command, ct);
        return RedirectToAction(nameof(Review), new { bulkId });
    }

    [HttpGet("bulk/{bulkId:guid}")]
    public async Task<IActionResult> Review(Guid bulkId, CancellationToken ct) => View(await mediator.Send(new ReviewBulk.Query(bulkId), ct));

    [HttpGet("bulk/{bulkId:guid}/html/{language:regex(^(en|fr)$)}")]
    public async Task<IActionResult> BulkHtml(Guid bulkId, string language, CancellationToken ct) =>
        Sandboxed((await mediator.Send(new ReviewBulk.Query(bulkId), ct)).Samples.FirstOrDefault(s => s.Language == language)?.HtmlBody);

    [HttpPost("bulk/{bulkId:guid}/release")]
    public Task<IActionResult> Release(Guid bulkId, CancellationToken ct) => DecideBulk(bulkId, release: true, ct);

    [HttpPost("bulk/{bulkId:guid}/discard")]
    public Task<IActionResult> Discard(Guid bulkId, CancellationToken ct) => DecideBulk(bulkId, release: false, ct);

    [HttpGet("templates")]
    public async Task<IActionResult> Templates(string? kind, string? language, CancellationToken ct) =>
        View(await mediator.Send(new PreviewTemplate.Query(kind, language), ct));

    [HttpGet("templates/{kind}/{language:regex(^(en|fr)$)}/html")]
    public async Task<IActionResult> TemplateHtml(string kind, string language, CancellationToken ct) =>
        Sandboxed((await mediator.Send(new PreviewTemplate.Query(kind, language), ct)).Mail?.HtmlBody);

    private async Task<IActionResult> DecideBulk(Guid bulkId, bool release, CancellationToken ct)
    {
        var count = await mediator.Send(new DecideBulk.Command(bulkId, release), ct);
        TempData["Flash"] = count == 0 ? "Outbox.Review.NothingHeld" : release ? "Flash.BulkReleased" : "Flash.BulkDiscarded";
        return RedirectToAction(nameof(Review), new { bulkId });
    }

    private IActionResult Sandboxed(string? html)
    {
        if (html is null) return NotFound();
        SecurityHeaders.ServeSandboxed(HttpContext);
        return Content(html, "text/html; charset=utf-8");
    }
}
