using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary>
/// The one place where a failed form comes back to the user: binding errors (before the action runs) and
/// validation or business-rule failures (thrown by the mediator pipeline) both re-render the action's own
/// view with the posted model, so nothing typed is lost. The response is 200, as for any form re-shown.
/// </summary>
public sealed class FormErrorsFilter(IModelMetadataProvider metadata) : IAsyncActionFilter, IExceptionFilter
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

    private ViewResult SameView(FilterContext context, object? model)
    {
        var action = (string)context.RouteData.Values["action"]!;
        return new ViewResult
        {
            ViewName = FormViewAttribute.ViewFor(context) ?? action,
            ViewData = new ViewDataDictionary(metadata, context.ModelState) { Model = model },
        };
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
