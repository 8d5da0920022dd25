package be.abrumet.api;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
public class ApiController {

  @GetMapping("/me")
  public Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
    String username = jwt.getClaimAsString("preferred_username");
    return Map.of("username", username == null ? jwt.getSubject() : username);
  }

  @GetMapping("/patients")
  public List<Map<String, Object>> patients() {
    return List.of(
        Map.of("id", "p-001", "name", "Anna Peeters"),
        Map.of("id", "p-002", "name", "Youssef El Amrani"));
  }
}
