// A Go resource server as a Go team writes one with github.com/auth0/go-jwt-middleware/v2: its
// validator (RS256, issuer, audience) over the JWKS caching provider, the middleware's default error
// handler, and the realm role checked in the handler on custom claims. CORS by github.com/rs/cors.
//
//	GET /api/v1/me        any valid access token: 200 {"username": preferred_username}
//	GET /api/v1/patients  also the realm role -role: 200 [...]; otherwise 403 {"message":"Insufficient role."}
//
// It prints "listening on http://<addr>" once it accepts connections.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	jwtmiddleware "github.com/auth0/go-jwt-middleware/v2"
	"github.com/auth0/go-jwt-middleware/v2/jwks"
	"github.com/auth0/go-jwt-middleware/v2/validator"
	"github.com/rs/cors"
)

// CustomClaims are the Keycloak claims the handlers read, beside the registered ones.
type CustomClaims struct {
	PreferredUsername string `json:"preferred_username"`
	RealmAccess       struct {
		Roles []string `json:"roles"`
	} `json:"realm_access"`
}

// Validate accepts every token: the role is checked per route, in the handler.
func (c *CustomClaims) Validate(context.Context) error { return nil }

func (c *CustomClaims) hasRole(role string) bool { return slices.Contains(c.RealmAccess.Roles, role) }

func claimsOf(r *http.Request) *CustomClaims {
	validated := r.Context().Value(jwtmiddleware.ContextKey{}).(*validator.ValidatedClaims)
	return validated.CustomClaims.(*CustomClaims)
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	issuer := flag.String("issuer", "", "the realm's issuer URL")
	audience := flag.String("audience", "abrumet-api", "the aud the API requires")
	role := flag.String("role", "therapist", "the realm role GET /api/v1/patients requires")
	origins := flag.String("origins", "", "comma-separated origins allowed by CORS")
	leeway := flag.Int("leeway", -1, "clock skew allowed on exp/nbf/iat in seconds (default: the library's, none)")
	flag.Parse()
	if *issuer == "" {
		log.Fatal("-issuer is required")
	}

	issuerURL, err := url.Parse(*issuer)
	if err != nil {
		log.Fatalf("-issuer: %v", err)
	}
	provider := jwks.NewCachingProvider(issuerURL, 5*time.Minute)
	options := []validator.Option{
		validator.WithCustomClaims(func() validator.CustomClaims { return &CustomClaims{} }),
	}
	if *leeway >= 0 {
		options = append(options, validator.WithAllowedClockSkew(time.Duration(*leeway)*time.Second))
	}
	jwtValidator, err := validator.New(provider.KeyFunc, validator.RS256, *issuer, []string{*audience}, options...)
	if err != nil {
		log.Fatalf("validator: %v", err)
	}
	middleware := jwtmiddleware.New(
		jwtValidator.ValidateToken,
		// The default handler answers; the reason is only logged, for whoever reads the devstack log.
		jwtmiddleware.WithErrorHandler(func(w http.ResponseWriter, r *http.Request, err error) {
			log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
			jwtmiddleware.DefaultErrorHandler(w, r, err)
		}),
	)

	mux := http.NewServeMux()
	mux.Handle("GET /api/v1/me", middleware.CheckJWT(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"username": claimsOf(r).PreferredUsername})
	})))
	mux.Handle("GET /api/v1/patients", middleware.CheckJWT(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !claimsOf(r).hasRole(*role) {
			// As auth0's Go quickstart answers a missing scope: 403 and a JSON message.
			writeJSON(w, http.StatusForbidden, map[string]string{"message": "Insufficient role."})
			return
		}
		writeJSON(w, http.StatusOK, []map[string]string{
			{"id": "p-001", "name": "Ada Example"},
			{"id": "p-002", "name": "Ben Example"},
		})
	})))

	var allowed []string
	for _, origin := range strings.Split(*origins, ",") {
		if origin = strings.TrimSpace(origin); origin != "" {
			allowed = append(allowed, origin)
		}
	}
	handler := cors.New(cors.Options{
		AllowedOrigins: allowed,
		AllowedMethods: []string{http.MethodGet},
		AllowedHeaders: []string{"Authorization"},
		ExposedHeaders: []string{"WWW-Authenticate"},
	}).Handler(mux)

	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://%s\n", listener.Addr())
	server := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	log.Fatal(server.Serve(listener))
}
