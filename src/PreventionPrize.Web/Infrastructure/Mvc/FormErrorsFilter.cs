using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary>
/// The one place where a failed form comes back to the user: binding errors (before the action runs) and
/// validation or business-rule failures (thrown by the mediator pipeline) both re-render the action's own
/// view with the posted model, so nothing typed is lost. The response is 200, as for any form re-shown.
/// </summary>
public sealed class FormErrorsFilter(IModelMetadataProvider metadata, ICompositeViewEngine views, ITempDataDictionaryFactory tempData)
    : IAsyncActionFilter, IExceptionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var model = FormModel(context.ActionArguments.Values);
        if (model is not null) context.HttpContext.Items[FormModelKey] = model;
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !context.ModelState.IsValid && model is not null)
        {
            context.Result = SameView(context, model);
            return;
        }
        await next();
    }

    public void OnException(ExceptionContext context)
    {
        switch (context.Exception)
        {
            case ValidationException validation:
                foreach (var error in validation.Errors)
                    context.ModelState.AddModelError(error.PropertyName, error.ErrorMessage);
                context.Result = SameView(context, context.HttpContext.Items[FormModelKey]);
                context.ExceptionHandled = true;
                break;
            case NotFoundException:
                context.Result = new NotFoundResult();
                context.ExceptionHandled = true;
                break;
        }
    }

    private const string FormModelKey = "pp.form-model";

    private static object? FormModel(IEnumerable<object?> arguments) =>
        arguments.FirstOrDefault(a => a is not null && a.GetType().IsClass && a is not string && a is not CancellationToken);

    private IActionResult SameView(FilterContext context, object? model)
    {
        var viewName = FormViewAttribute.ViewFor(context) ?? (string)context.RouteData.Values["action"]!;
        if (!views.FindView(context, viewName, isMainPage: true).Success) return Back(context);
        return new ViewResult
        {
            ViewName = viewName,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = model },
        };
    }

    /// <summary>
    /// A button's small form lives on another page and its action has no view: a value that does not bind (only a
    /// forged form sends one) goes back to that page as a flash message, or is a plain 400 when the page is unknown.
    /// </summary>
    private IActionResult Back(FilterContext context)
    {
        var request = context.HttpContext.Request;
        var message = context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0);
        if (message is null
            || !Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            return new BadRequestResult();
        tempData.GetTempData(context.HttpContext)["FlashError"] = message;
        return new LocalRedirectResult(referer.PathAndQuery);
    }
}

/// <summary>Names the view a failed POST re-renders when it differs from the action's name (e.g. Edit posts to Update).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormViewAttribute(string viewName) : Attribute
{
    public string ViewName { get; } = viewName;

    internal static string? ViewFor(FilterContext context) =>
        context.ActionDescriptor.EndpointMetadata.OfType<FormViewAttribute>().FirstOrDefault()?.ViewName;
}
