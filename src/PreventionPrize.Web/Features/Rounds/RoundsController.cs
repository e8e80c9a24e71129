using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using PreventionPrize.Core.Accounts;
using PreventionPrize.Core.Time;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Rounds;

[Authorize(Roles = Roles.Secretariat)]
[Route("secretariat")]
public sealed class RoundsController(IMediator mediator, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("calls/{code}/rounds")]
    public async Task<IActionResult> Index(string code, CancellationToken ct) => View(await mediator.Send(new ListRounds.Query(code), ct));

    [HttpGet("calls/{code}/rounds/new")]
    public async Task<IActionResult> Create(string code, CancellationToken ct)
    {
        var rounds = await mediator.Send(new ListRounds.Query(code), ct);
        var number = rounds.Rounds.Count + 1;
        var deadline = Strasbourg.ToLocal(clock.GetUtcNow().UtcDateTime).Date.AddDays(30).AddHours(18);
        return View(new CreateRound.Command { Code = code, NameEn = $"Round {number}", NameFr = $"Tour {number}", ScoringDeadlineLocal = deadline });
    }

    [HttpPost("calls/{code}/rounds/new")]
    public async Task<IActionResult> Create(CreateRound.Command command, CancellationToken ct)
    {
        var id = await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.RoundCreated";
        return RedirectToAction(nameof(Show), new { roundId = id });
    }

    [HttpGet("rounds/{roundId:int}")]
    public async Task<IActionResult> Show(int roundId, CancellationToken ct) => View((await mediator.Send(new ShowRound.Query(roundId), ct)).Form());

    [HttpPost("rounds/{roundId:int}"), FormView(nameof(Show))]
    public async Task<IActionResult> Edit(EditRound.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.RoundSaved";
        return RedirectToAction(nameof(Show), new { roundId = command.RoundId });
    }

    [HttpPost("rounds/{roundId:int}/compute")]
    public Task<IActionResult> Compute(int roundId, CancellationToken ct) => Act(new ComputeAssignment.Command(roundId), "Flash.AssignmentComputed", roundId, ct);

    [HttpPost("rounds/{roundId:int}/repair")]
    public Task<IActionResult> Repair(int roundId, CancellationToken ct) => Act(new RepairAssignment.Command(roundId), "Flash.AssignmentRepaired", roundId, ct);

    [HttpPost("rounds/{roundId:int}/publish")]
    public Task<IActionResult> Publish(int roundId, CancellationToken ct) => Act(new PublishAssignments.Command(roundId), "Flash.RoundPublished", roundId, ct);

    [HttpGet("rounds/{roundId:int}/criteria")]
    public async Task<IActionResult> Criteria(int roundId, CancellationToken ct) => View(await mediator.Send(new EditCriteria.Query(roundId), ct));

    [HttpPost("rounds/{roundId:int}/criteria")]
    public async Task<IActionResult> Criteria(EditCriteria.Command command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        TempData["Flash"] = "Flash.CriteriaSaved";
        return RedirectToAction(nameof(Show), new { roundId = command.RoundId });
    }

    [HttpGet("rounds/{roundId:int}/results")]
    public async Task<IActionResult> Results(int roundId, CancellationToken ct) => View(await mediator.Send(new RoundResults.Query(roundId), ct));

    [HttpGet("rounds/{roundId:int}/results.csv")]
    public Task<IActionResult> ResultsCsv(int roundId, CancellationToken ct) => ExportResultsAs(roundId, ExportResults.Format.Csv, ct);

    [HttpGet("rounds/{roundId:int}/results.xlsx")]
    public Task<IActionResult> ResultsXlsx(int roundId, CancellationToken ct) => ExportResultsAs(roundId, ExportResults.Format.Xlsx, ct);

    [HttpPost("rounds/{roundId:int}/shortlist")]
    public async Task<IActionResult> Shortlist(AdvanceShortlist.Command command, CancellationToken ct)
    {
        var id = 0;
        return await this.TryAsync(async () => id = await mediator.Send(command, ct), "Flash.ShortlistCreated")
            ? RedirectToAction(nameof(Show), new { roundId = id })
            : RedirectToAction(nameof(Results), new { roundId = command.RoundId });
    }

    private async Task<IActionResult> ExportResultsAs(int roundId, ExportResults.Format format, CancellationToken ct)
    {
        var (content, type, name) = await mediator.Send(new ExportResults.Command(roundId, format), ct);
        return File(content, type, name);
    }

    [HttpGet("rounds/{roundId:int}/monitor")]
    public async Task<IActionResult> Monitor(int roundId, CancellationToken ct) => View(await mediator.Send(new RoundMonitor.Query(roundId), ct));

    [HttpPost("rounds/{roundId:int}/remind")]
    public Task<IActionResult> Remind(int roundId, CancellationToken ct) => Act(new SendReminders.Command(roundId), "Flash.RemindersSent", roundId, ct, nameof(Monitor));

    [HttpPost("rounds/{roundId:int}/close")]
    public Task<IActionResult> Close(int roundId, CancellationToken ct) =>
        Act(new CloseRound.Command { RoundId = roundId }, "Flash.RoundClosed", roundId, ct, nameof(Monitor));

    [HttpPost("rounds/{roundId:int}/reopen")]
    public Task<IActionResult> Reopen(int roundId, string? reason, CancellationToken ct) =>
        Act(new CloseRound.Command { RoundId = roundId, Reopen = true, Reason = reason }, "Flash.RoundReopened", roundId, ct, nameof(Monitor));

    [HttpPost("rounds/{roundId:int}/assignments/add")]
    public Task<IActionResult> Add(AddAssignment.Command command, CancellationToken ct) => Act(command, "Flash.AssignmentAdded", command.RoundId, ct);

    [HttpPost("rounds/{roundId:int}/assignments/{assignmentId:int}/lock")]
    public Task<IActionResult> Lock(int roundId, int assignmentId, CancellationToken ct) => Change(roundId, assignmentId, ChangeAssignment.Change.Lock, ct);

    [HttpPost("rounds/{roundId:int}/assignments/{assignmentId:int}/unlock")]
    public Task<IActionResult> Unlock(int roundId, int assignmentId, CancellationToken ct) => Change(roundId, assignmentId, ChangeAssignment.Change.Unlock, ct);

    [HttpPost("rounds/{roundId:int}/assignments/{assignmentId:int}/remove")]
    public Task<IActionResult> Remove(int roundId, int assignmentId, CancellationToken ct) => Change(roundId, assignmentId, ChangeAssignment.Change.Remove, ct);

    [HttpGet("rounds/{roundId:int}/assignments.csv")]
    public async Task<IActionResult> Export(int roundId, CancellationToken ct)
    {
        var (content, name) = await mediator.Send(new ExportAssignments.Command(roundId), ct);
        return File(content, "text/csv; charset=utf-8", name);
    }

    [HttpPost("rounds/{roundId:int}/assignments.csv")]
    public async Task<IActionResult> Import(int roundId, IFormFile? file, CancellationToken ct)
    {
        await this.TryAsync(async () =>
        {
            using var buffer = new MemoryStream();
            if (file is { Length: > 0 and <= ImportAssignments.MaxBytes }) await file.CopyToAsync(buffer, ct);
            var report = await mediator.Send(new ImportAssignments.Command(roundId, buffer.ToArray()), ct);
            TempData["ImportReport"] = string.Join("\n", report.Problems.Prepend(l["Rounds.Import.Summary", report.Added, report.AlreadyThere, report.Problems.Count].Value));
        }, "Flash.AssignmentsImported");
        return RedirectToAction(nameof(Show), new { roundId });
    }

    private Task<IActionResult> Change(int roundId, int assignmentId, ChangeAssignment.Change change, CancellationToken ct) =>
        Act(new ChangeAssignment.Command(roundId, assignmentId, change), "Flash.AssignmentChanged", roundId, ct);

    /// <summary>The round page holds many small forms: a refusal comes back as a message at its top.</summary>
    private async Task<IActionResult> Act<T>(T command, string flash, int roundId, CancellationToken ct, string page = nameof(Show)) where T : notnull
    {
        await this.TryAsync(() => mediator.Send(command, ct).AsTask(), flash);
        return RedirectToAction(page, new { roundId });
    }
}
