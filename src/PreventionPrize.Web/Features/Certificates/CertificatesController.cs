using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PreventionPrize.Web.Features.Certificates;

/// <summary>Owners and the Secretariat only (through the entry access rule); anyone else gets 404.</summary>
[Authorize]
[Route("certificates")]
public sealed class CertificatesController(IMediator mediator) : Controller
{
    [HttpGet("{entryId:int}/{language:regex(^(en|fr)$)}")]
    public async Task<IActionResult> Show(int entryId, string language, CancellationToken ct) =>
        View("Certificate", await mediator.Send(new ShowCertificate.Query(entryId, language), ct));
}
