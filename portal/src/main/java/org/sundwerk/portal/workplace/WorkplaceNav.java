package org.sundwerk.portal.workplace;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.sundwerk.access.TenantId;
import org.sundwerk.portal.PortalAccess;
import org.sundwerk.portal.PortalProperties;

/**
 * The layout's links to the workplaces: "Werkstatt" for members of a partner, "Betrieb" for the
 * operators of the portal's tenant. Asked only for signed-in visitors, so anonymous pages cost
 * nothing more.
 */
@ControllerAdvice(basePackages = "org.sundwerk.portal")
final class WorkplaceNav {

  private final PortalAccess access;
  private final TenantId tenant;

  WorkplaceNav(PortalAccess access, PortalProperties portal) {
    this.access = access;
    this.tenant = TenantId.of(portal.defaultTenant());
  }

  @ModelAttribute
  void links(HttpServletRequest http, Model model) {
    if (access.signedIn(http).isEmpty()) {
      return;
    }
    model.addAttribute("navWorkplace", access.membership(http, tenant).isPresent());
    model.addAttribute("navOperations", access.operatesServices(http, tenant));
  }
}
