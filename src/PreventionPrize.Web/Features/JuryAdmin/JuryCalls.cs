using Microsoft.EntityFrameworkCore;
using PreventionPrize.Core.Calls;
using PreventionPrize.Core.Data;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.JuryAdmin;

public static class JuryCalls
{
    /// <summary>The call behind a Secretariat jury page, tracked; an unknown code is 404.</summary>
    public static async Task<Call> ByCodeAsync(this PrizeDbContext db, string code, CancellationToken ct) =>
        await db.Calls.SingleOrDefaultAsync(c => c.Code == code, ct) ?? throw new NotFoundException();
}
